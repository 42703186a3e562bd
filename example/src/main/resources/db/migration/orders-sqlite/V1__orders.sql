-- INTEGER PRIMARY KEY: SQLite assigns the next id (the row id) on insert.
CREATE TABLE orders (
    id       INTEGER PRIMARY KEY,
    item     TEXT    NOT NULL,
    quantity INTEGER NOT NULL,
    owner    TEXT    NOT NULL
);
