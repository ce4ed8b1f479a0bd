-- Regression test (loupe-dedup:46933a03573ffa98): File compat: t0 rowid 1: column a: the same value stored as zero (serial type 8) vs int8 (serial type 1)
-- Run: sqlite3 :memory: < this-file; each statement's output must match the block below.
CREATE TABLE t0(id INTEGER PRIMARY KEY, a INTEGER, b TEXT);
INSERT INTO t0 VALUES (1, 0, 'x');
-- Expected output (sqlite, the reference engine):
-- -- [0] CREATE TABLE t0(id INTEGER PRIMARY KEY, a INTEGER, b TEXT)
-- ok
-- -- [1] INSERT INTO t0 VALUES (1, 0, 'x')
-- ok
