package dev.loupe.format.schema;

import java.util.ArrayList;
import java.util.List;

/**
 * Reads one CREATE statement as SQLite stores it in sqlite_schema.sql: CREATE [TEMP] TABLE, CREATE VIRTUAL TABLE,
 * CREATE [UNIQUE] INDEX, CREATE VIEW or CREATE TRIGGER, each with optional IF NOT EXISTS and schema-qualified
 * name (SQLite strips both before storing, other writers may not). Never throws; what it cannot follow becomes a
 * problem message and the result holds whatever was read.
 */
final class DdlParser {

    private DdlParser() {
    }

    static Ddl parse(String sql, long rootPage) {
        TokenCursor c = new TokenCursor(sql == null ? "" : sql);
        if (!c.acceptKeywords("CREATE")) {
            c.problem("not a CREATE statement: starts with " + TokenCursor.describe(c.peek()));
            return new Ddl.Unreadable(c.problems());
        }
        if (!c.acceptKeywords("TEMP")) {
            c.acceptKeywords("TEMPORARY");
        }
        boolean unique = c.acceptKeywords("UNIQUE");
        String kind;
        if (c.acceptKeywords("VIRTUAL", "TABLE")) {
            kind = "virtual";
        } else if (c.acceptKeywords("TABLE")) {
            kind = "table";
        } else if (c.acceptKeywords("INDEX")) {
            kind = "index";
        } else if (c.acceptKeywords("VIEW")) {
            kind = "view";
        } else if (c.acceptKeywords("TRIGGER")) {
            kind = "trigger";
        } else {
            c.problem("expected TABLE, INDEX, VIEW, TRIGGER or VIRTUAL TABLE after CREATE, found "
                    + TokenCursor.describe(c.peek()));
            return new Ddl.Unreadable(c.problems());
        }
        if (unique && !kind.equals("index")) {
            c.problem("UNIQUE is only allowed before INDEX");
        }
        c.acceptKeywords("IF", "NOT", "EXISTS");
        String name = qualifiedName(c);
        if (name == null) {
            c.problem("expected a name, found " + TokenCursor.describe(c.peek()));
            name = "";
        }
        return switch (kind) {
            case "table" -> {
                CreateTableParser.Result r = CreateTableParser.parse(c, name, rootPage);
                yield new Ddl.CreateTable(r.table(), r.autoIndexes(), c.problems());
            }
            case "virtual" -> virtualTable(c, name);
            case "index" -> index(c, name, unique);
            case "view" -> view(c, name);
            default -> trigger(c, name);
        };
    }

    /** nm [. nm]: the object's own name, its schema prefix dropped. */
    private static String qualifiedName(TokenCursor c) {
        String first = c.acceptName();
        if (first != null && c.peekOperator(".") && c.peek(1).isName()) {
            c.next();
            return c.next().value();
        }
        return first;
    }

    /** USING module [( arguments )]: each argument is the text between commas at the outer level. */
    private static Ddl virtualTable(TokenCursor c, String name) {
        String module = null;
        List<String> args = new ArrayList<>();
        if (c.expectKeyword("USING", "in CREATE VIRTUAL TABLE")) {
            module = c.acceptName();
            if (module == null) {
                c.problem("expected a module name after USING, found " + TokenCursor.describe(c.peek()));
            }
        }
        if (c.acceptOperator("(")) {
            while (!c.atEnd()) {
                int start = c.skipExpression(t -> false);
                args.add(c.text(start, c.position()));
                if (!c.acceptOperator(",")) {
                    break;
                }
            }
            c.expectOperator(")", "after the module arguments");
        }
        if (!c.atStatementEnd()) {
            c.problem("unexpected " + TokenCursor.describe(c.peek()) + " after the module arguments");
        }
        Table t = new Table(name, 0, c.sql(), List.of(), false, false, true, module == null ? "" : module, args, -1,
                List.of(), false, List.of(), new int[0]);
        return new Ddl.CreateTable(t, List.of(), c.problems());
    }

    /** ON table ( terms ) [WHERE expression]. */
    private static Ddl index(TokenCursor c, String name, boolean unique) {
        String table = null;
        if (c.expectKeyword("ON", "in CREATE INDEX")) {
            table = c.acceptName();
            if (table == null) {
                c.problem("expected a table name after ON, found " + TokenCursor.describe(c.peek()));
            }
        }
        List<IndexTerm> terms = c.peekOperator("(") ? IndexTerm.parseList(c, false, new boolean[1]) : List.of();
        if (terms.isEmpty()) {
            c.problem("index has no columns");
        }
        String where = null;
        if (c.acceptKeywords("WHERE")) {
            int start = c.skipExpression(t -> false);
            where = c.text(start, c.position());
            if (where.isEmpty()) {
                c.problem("expected an expression after WHERE");
            }
        }
        if (!c.atStatementEnd()) {
            c.problem("unexpected " + TokenCursor.describe(c.peek()) + " at the end of CREATE INDEX");
        }
        return new Ddl.CreateIndex(name, table == null ? "" : table, unique, terms, where, c.problems());
    }

    /** [( names )] AS select. */
    private static Ddl view(TokenCursor c, String name) {
        List<String> columns = new ArrayList<>();
        if (c.acceptOperator("(")) {
            while (!c.atEnd() && !c.peekOperator(")")) {
                int start = c.skipExpression(t -> false);
                Token first = c.token(start);
                if (c.position() > start && first.isName()) {
                    columns.add(first.value());
                } else {
                    c.problem("expected a column name in the view's column list, found " + TokenCursor.describe(first));
                }
                if (!c.acceptOperator(",")) {
                    break;
                }
            }
            c.expectOperator(")", "after the view's column names");
        }
        if (c.expectKeyword("AS", "in CREATE VIEW") && c.atStatementEnd()) {
            c.problem("expected a SELECT after AS");
        }
        return new Ddl.CreateView(new View(name, c.sql(), columns), c.problems());
    }

    /** [BEFORE|AFTER|INSTEAD OF] DELETE|INSERT|UPDATE [OF names] ON table [FOR EACH ROW] [WHEN expr] BEGIN ... END. */
    private static Ddl trigger(TokenCursor c, String name) {
        String timing = null;
        if (c.acceptKeywords("BEFORE")) {
            timing = "BEFORE";
        } else if (c.acceptKeywords("AFTER")) {
            timing = "AFTER";
        } else if (c.acceptKeywords("INSTEAD", "OF")) {
            timing = "INSTEAD OF";
        }
        String event = null;
        List<String> updateColumns = new ArrayList<>();
        for (String e : new String[] {"DELETE", "INSERT", "UPDATE"}) {
            if (c.acceptKeywords(e)) {
                event = e;
            }
        }
        if (event == null) {
            c.problem("expected DELETE, INSERT or UPDATE in CREATE TRIGGER, found " + TokenCursor.describe(c.peek()));
        } else if (event.equals("UPDATE") && c.acceptKeywords("OF")) {
            do {
                String col = c.acceptName();
                if (col == null) {
                    c.problem("expected a column name after UPDATE OF, found " + TokenCursor.describe(c.peek()));
                    break;
                }
                updateColumns.add(col);
            } while (c.acceptOperator(","));
        }
        String table = null;
        if (c.expectKeyword("ON", "in CREATE TRIGGER")) {
            table = qualifiedName(c);
            if (table == null) {
                c.problem("expected a table name after ON, found " + TokenCursor.describe(c.peek()));
            }
        }
        boolean forEachRow = c.acceptKeywords("FOR", "EACH", "ROW");
        String when = null;
        if (c.acceptKeywords("WHEN")) {
            int start = c.skipExpression(t -> t.isKeyword("BEGIN"));
            when = c.text(start, c.position());
        }
        if (c.expectKeyword("BEGIN", "before the trigger body")) {
            int last = c.position();
            while (!c.atStatementEnd()) {
                c.next();
                if (!c.previous().isOperator(";")) {
                    last = c.position() - 1;
                }
            }
            if (!c.token(last).isKeyword("END")) {
                c.problem("trigger body does not end with END");
            }
        }
        return new Ddl.CreateTrigger(new Trigger(name, table == null ? "" : table, c.sql(), timing, event,
                updateColumns, forEachRow, when), c.problems());
    }
}
