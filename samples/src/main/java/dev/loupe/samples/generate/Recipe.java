package dev.loupe.samples.generate;

import java.io.IOException;
import java.sql.SQLException;
import java.nio.file.Path;

/** Writes one sample's file(s) into a work directory, named as the sample names them. */
@FunctionalInterface
interface Recipe {
    void write(Path workDir) throws IOException, SQLException;
}
