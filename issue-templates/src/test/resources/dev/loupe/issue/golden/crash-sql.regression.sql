-- Regression test (loupe-dedup:1073ec07acf122b0): Crash: turso panics on a recursive CTE with a newline, "quotes" and ünïcödé
-- Run: sqlite3 :memory: < this-file; each statement's output must match the block below.
WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c LIMIT 5) SELECT max(x) FROM c;
-- Expected output (sqlite, the reference engine):
-- 5
