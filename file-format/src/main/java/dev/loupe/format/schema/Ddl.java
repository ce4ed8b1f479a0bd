package dev.loupe.format.schema;

import java.util.List;

/** What one stored CREATE statement says, before it is checked against its sqlite_schema row and other objects. */
sealed interface Ddl {

    /** Messages about text the parser could not follow (the result holds what it could read). */
    List<String> problems();

    record CreateTable(Table table, List<AutoIndexSpec> autoIndexes, List<String> problems) implements Ddl {
    }

    /** CREATE INDEX, its terms not yet matched to the table's columns. */
    record CreateIndex(String name, String tableName, boolean unique, List<IndexTerm> terms, String where,
                       List<String> problems) implements Ddl {
    }

    record CreateView(View view, List<String> problems) implements Ddl {
    }

    record CreateTrigger(Trigger trigger, List<String> problems) implements Ddl {
    }

    /** Text that is not a CREATE statement of a known kind. */
    record Unreadable(List<String> problems) implements Ddl {
    }
}
