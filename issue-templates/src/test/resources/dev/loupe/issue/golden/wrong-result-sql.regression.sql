-- Regression test (loupe-dedup:5a5fe0bb590fe87d): Wrong result: SELECT 1e308 * 10 differs: sqlite returns Inf, turso returns NULL
-- Run: sqlite3 :memory: < this-file; each statement's output must match the block below.
CREATE TABLE t(a REAL);
SELECT 1e308 * 10, 'it''s $HOME `x`';
-- Expected output (sqlite, the reference engine):
--
-- Inf|it's $HOME `x`
