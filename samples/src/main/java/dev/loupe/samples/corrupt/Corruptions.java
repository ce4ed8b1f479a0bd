package dev.loupe.samples.corrupt;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** The named corruption catalogue (docs/corruption-catalogue.md lists it). */
public final class Corruptions {
    private Corruptions() {
    }

    /** Every case, in a stable order; names are unique. */
    public static List<Corruption> all() {
        List<Corruption> all = new ArrayList<>();
        all.addAll(HeaderCases.cases());
        all.addAll(TruncationCases.cases());
        all.addAll(BtreeCases.cases());
        all.addAll(FreelistCases.cases());
        all.addAll(PtrmapCases.cases());
        all.addAll(RecordCases.cases());
        all.addAll(IndexCases.cases());
        all.addAll(WalCases.cases());
        Set<String> names = new HashSet<>();
        for (Corruption c : all) {
            if (!names.add(c.name())) {
                throw new IllegalStateException("duplicate corruption name " + c.name());
            }
        }
        return List.copyOf(all);
    }

    public static Corruption named(String name) {
        for (Corruption c : all()) {
            if (c.name().equals(name)) {
                return c;
            }
        }
        throw new IllegalArgumentException("no corruption named " + name);
    }
}
