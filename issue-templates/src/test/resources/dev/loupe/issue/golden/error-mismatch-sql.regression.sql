-- Regression test (loupe-dedup:5b0e2a3da13efba7): Error mismatch: INSERT of a text into a STRICT INTEGER column: "cannot store" on sqlite, accepted by turso
-- Run: sqlite3 :memory: < this-file; each statement's output must match the block below.
CREATE TABLE t(a INTEGER) STRICT;
INSERT INTO t VALUES (1);
INSERT INTO t VALUES ('x');
-- Expected output (sqlite, the reference engine):
--
--
-- Error: cannot store TEXT value in INTEGER column t.a (CONSTRAINT)
