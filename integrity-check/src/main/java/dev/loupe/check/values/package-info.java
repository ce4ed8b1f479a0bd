/**
 * The table-level checks of PRAGMA integrity_check (SQLite 3.40, pragma.c): NOT NULL, STRICT column types, the
 * NUMERIC/TEXT affinity checks and CHECK constraints, run on every row in scan order, plus records longer than
 * their table. Each rule mirrors the byte code 3.40.1 generates for it (EXPLAIN PRAGMA integrity_check).
 */
package dev.loupe.check.values;
