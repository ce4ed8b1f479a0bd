/**
 * WAL analysis over the file-format reader: what a WAL holds and what SQLite will drop, commits and the pages
 * they change, the history and diff of a page across frames, a row across commits, the database as of any commit,
 * and the first commit at which the checker finds a problem. Nothing here prints; the CLI and GUI render it.
 */
package dev.loupe.wal;
