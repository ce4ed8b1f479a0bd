package dev.loupe.samples.generate;

import java.sql.SQLException;

/** The schema and rows of one sample, written into a database already created with the sample's facts. */
@FunctionalInterface
interface Content {
    void fill(SqliteFile db) throws SQLException;
}
