-- Regression test (loupe-dedup:751224ad88f20a5b): Corruption: cell-pointer-out-of-range on page 2 of table t
-- Run: sqlite3 < this-file. The database is the reproducer's, as hexdb text.
.open --hexdb
| size 1024 pagesize 512 filename repro.db
| page 1 offset 0
|      0: 53 51 4c 69 74 65 20 66 6f 72 6d 61 74 20 33 00   SQLite format 3.
|     16: 02 00 01 01 00 40 20 20 00 00 00 02 00 00 00 02   .....@  ........
|     32: 00 00 00 00 00 00 00 00 00 00 00 01 00 00 00 04   ................
|     48: 00 00 00 00 00 00 00 00 00 00 00 01 00 00 00 00   ................
|     80: 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 02   ................
|     96: 00 2e 99 b1 0d 00 00 00 01 01 da 00 01 da 00 00   ................
|    464: 00 00 00 00 00 00 00 00 00 00 24 01 06 17 0f 0f   ..........$.....
|    480: 01 39 74 61 62 6c 65 74 74 02 43 52 45 41 54 45   .9tablett.CREATE
|    496: 20 54 41 42 4c 45 20 74 28 61 20 54 45 58 54 29    TABLE t(a TEXT)
| page 2 offset 512
|      0: 0d 00 00 00 03 01 e5 00 0f f0 01 ee 01 e5 00 00   ................
|    480: 00 00 00 00 00 07 03 02 17 77 6f 72 6c 64 07 02   .........world..
|    496: 02 17 6c 6f 75 70 65 07 01 02 17 68 65 6c 6c 6f   ..loupe....hello
| end repro.db
PRAGMA integrity_check;
-- Expected output (sqlite, the reference engine):
-- *** in database main ***
-- Tree 2 page 2 cell 0: Offset 4080 out of range 485..508
-- database disk image is malformed
