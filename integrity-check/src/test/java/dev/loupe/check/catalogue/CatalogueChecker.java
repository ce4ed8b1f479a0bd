package dev.loupe.check.catalogue;

import dev.loupe.check.CheckOptions;
import dev.loupe.check.CheckReport;
import dev.loupe.check.Checker;
import dev.loupe.format.OpenOptions;

import java.io.IOException;
import java.nio.file.Path;

/** Loupe's checker as the catalogue and mutant tests run it: the standard checker, every module included. */
public final class CatalogueChecker {

    private CatalogueChecker() {
    }

    public static Checker checker(int threads) {
        return Checker.standard(CheckOptions.defaults().withThreads(threads));
    }

    public static CheckReport check(Checker checker, Path db) throws IOException {
        return checker.check(db, OpenOptions.defaults());
    }
}
