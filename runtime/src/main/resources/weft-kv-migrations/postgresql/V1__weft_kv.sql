-- The key-value stores (KeyValueStore): a plain value in value, or a counter in counter.
-- COLLATE "C": keys sort by bytes, as in SQLite, whatever the database's locale.
CREATE TABLE weft_kv (
    store   TEXT COLLATE "C" NOT NULL,
    key     TEXT COLLATE "C" NOT NULL,
    value   BYTEA,
    counter BIGINT,
    PRIMARY KEY (store, key)
);
