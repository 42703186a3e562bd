-- The key-value stores (KeyValueStore): a plain value in value, or a counter in counter.
CREATE TABLE weft_kv (
    store   TEXT    NOT NULL,
    key     TEXT    NOT NULL,
    value   BLOB,
    counter INTEGER,
    PRIMARY KEY (store, key)
) WITHOUT ROWID;
