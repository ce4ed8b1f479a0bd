/**
 * Space used by each table and index, with the definitions of SQLite's dbstat virtual table and sqlite3_analyzer.
 */
package dev.loupe.format.space;
