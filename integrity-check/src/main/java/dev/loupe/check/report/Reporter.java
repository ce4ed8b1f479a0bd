package dev.loupe.check.report;

import java.io.IOException;
import java.io.Writer;
import java.util.List;

/** Writes the reports of one check run (one or more files) in one output format. */
public interface Reporter {

    void write(List<CheckedFile> files, Writer out) throws IOException;
}
