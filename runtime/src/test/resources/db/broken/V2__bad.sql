CREATE TABLE fine (this is not sql;
