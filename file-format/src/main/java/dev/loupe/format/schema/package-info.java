/**
 * The schema of a database as sqlite_schema describes it (fileformat2 §2.6), read from the stored CREATE
 * statements by a tolerant DDL parser, with no SQLite library involved.
 *
 * <p>{@link dev.loupe.format.schema.Schema#from} takes the rows of sqlite_schema ({@link
 * dev.loupe.format.schema.SchemaRow}) and gives tables, indexes, views and triggers, plus what SQLite derives
 * from their definitions and a reader of the b-trees needs: column affinities, the rowid alias, the layout of
 * table and index records, the automatic indexes of PRIMARY KEY and UNIQUE constraints and their numbering,
 * default values. Text it cannot follow and rows that do not fit together become problems; it never throws.
 *
 * <p>SQLite's own grammar (parse.y), tokenizer (tokenize.c) and schema code (build.c) define the behaviour
 * modelled here; the tests compare every derived fact with what SQLite 3.54 reports for the same statements.
 */
package dev.loupe.format.schema;
