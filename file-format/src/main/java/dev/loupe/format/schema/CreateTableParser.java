package dev.loupe.format.schema;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Reads the body of CREATE TABLE (lang_createtable.html, parse.y create_table_args) after the table name: the
 * column definitions, the table constraints and the table options, and works out what SQLite derives from them
 * (rowid alias, primary key, implied NOT NULL, record layout, automatic indexes).
 */
final class CreateTableParser {

    /** A parsed table and the automatic indexes SQLite would make for it. */
    record Result(Table table, List<AutoIndexSpec> autoIndexes) {
    }

    private final TokenCursor c;
    private final String name;
    private final long rootPage;
    private final List<ColumnDraft> columns = new ArrayList<>();
    private final Set<String> columnNames = new HashSet<>();
    private final List<Object> constraints = new ArrayList<>();
    private boolean withoutRowid;
    private boolean strict;
    /** The name of CONSTRAINT name among the table constraints; SQLite keeps it until the next comma. */
    private String tableConstraintName;


    private CreateTableParser(TokenCursor c, String name, long rootPage) {
        this.c = c;
        this.name = name;
        this.rootPage = rootPage;
    }

    /** Parses from the cursor (just after the table name) to the end of the statement. */
    static Result parse(TokenCursor c, String name, long rootPage) {
        return new CreateTableParser(c, name, rootPage).parse();
    }

    private Result parse() {
        if (c.acceptKeywords("AS")) {
            c.problem("CREATE TABLE ... AS SELECT: SQLite stores such tables as a plain CREATE TABLE; columns unknown");
            return build();
        }
        if (!c.expectOperator("(", "after the table name")) {
            return build();
        }
        parseDefinitions();
        c.expectOperator(")", "at the end of the column definitions");
        parseOptions();
        if (!c.atStatementEnd()) {
            c.problem("unexpected " + TokenCursor.describe(c.peek()) + " after the table definition");
        }
        return build();
    }

    private void parseDefinitions() {
        boolean inConstraints = false;
        while (!c.atEnd() && !c.peekOperator(")") && !c.peekOperator(";")) {
            int before = c.position();
            if (startsTableConstraint(c.peek())) {
                inConstraints = true;
                parseTableConstraint();
            } else {
                if (inConstraints) {
                    c.problem("column definition after the table constraints");
                }
                parseColumn();
            }
            if (c.acceptOperator(",")) {
                tableConstraintName = null;
                continue;
            }
            if (c.peekOperator(")")) {
                continue;
            }
            if (inConstraints && c.position() > before) {
                continue; // table constraints need no comma between them
            }
            c.problem("expected ',' or ')' in the column list, found " + TokenCursor.describe(c.peek()));
            if (c.position() == before) {
                c.next();
            }
            c.skipDamagedItem();
            c.acceptOperator(",");
        }
    }

    private static boolean startsTableConstraint(Token t) {
        return t.isKeyword("CONSTRAINT") || t.isKeyword("PRIMARY") || t.isKeyword("UNIQUE") || t.isKeyword("CHECK")
                || t.isKeyword("FOREIGN");
    }

    private void parseColumn() {
        Token nameToken = c.peek();
        if (!nameToken.isName()) {
            c.problem("expected a column name, found " + TokenCursor.describe(nameToken));
            c.skipDamagedItem();
            return;
        }
        c.next();
        String columnName = nameToken.value();
        int typeStart = c.position();
        while (c.peek().isIdentifierLike() || c.peek().kind() == TokenKind.STRING) {
            c.next();
        }
        if (c.position() > typeStart && c.peekOperator("(")) {
            int inside = c.skipParenthesised();
            checkTypeSize(inside, c.position() - 1);
        }
        String rawType = c.text(typeStart, c.position());
        ColumnDraft.DeclaredType type = ColumnDraft.declaredType(rawType);
        if (!columnNames.add(AsciiCase.upper(columnName))) {
            c.problem("duplicate column name: " + columnName);
        }
        ColumnDraft col = new ColumnDraft(columnName, type.text(), type.standard(), type.present());
        columns.add(col);
        parseColumnConstraints(col, columns.size() - 1);
    }

    /** typetoken: "(" signed [, signed] ")" after the type name. */
    private void checkTypeSize(int from, int close) {
        int i = from;
        int numbers = 0;
        while (i < close) {
            if (c.token(i).isOperator("+") || c.token(i).isOperator("-")) {
                i++;
            }
            Token t = c.token(i);
            boolean number = t.kind() == TokenKind.INTEGER || t.kind() == TokenKind.FLOAT;
            if (!number) {
                c.problem("unexpected " + TokenCursor.describe(t) + " in the type size");
                return;
            }
            numbers++;
            i++;
            if (i < close && !c.token(i).isOperator(",")) {
                c.problem("unexpected " + TokenCursor.describe(c.token(i)) + " in the type size");
                return;
            }
            i++;
        }
        if (numbers == 0 || numbers > 2) {
            c.problem("a type size takes one or two numbers");
        }
    }

    private void parseColumnConstraints(ColumnDraft col, int index) {
        String constraintName = null;
        while (!c.atEnd() && !c.peekOperator(",") && !c.peekOperator(")") && !c.peekOperator(";")) {
            Token t = c.peek();
            if (c.acceptKeywords("CONSTRAINT")) {
                constraintName = c.acceptName();
                if (constraintName == null) {
                    c.problem("expected a name after CONSTRAINT");
                }
            } else if (c.acceptKeywords("DEFAULT")) {
                if (col.defaultValue != null) {
                    c.problem("more than one DEFAULT for column " + col.name);
                }
                col.defaultValue = DefaultClause.parse(c);
            } else if (c.acceptKeywords("NOT", "NULL")) {
                col.notNull = true;
                onConflict();
            } else if (c.acceptKeywords("NULL")) {
                onConflict();
            } else if (c.acceptKeywords("PRIMARY", "KEY")) {
                boolean desc = c.peekKeyword("DESC");
                if (desc || c.peekKeyword("ASC")) {
                    c.next();
                }
                String conflict = onConflict();
                boolean autoincrement = c.acceptKeywords("AUTOINCREMENT");
                constraints.add(new KeyDraft(true, constraintName, index,
                        List.of(new IndexTerm(col.name, false, null, null, desc)), conflict, autoincrement));
            } else if (c.acceptKeywords("UNIQUE")) {
                col.unique = true;
                constraints.add(new KeyDraft(false, constraintName, index,
                        List.of(new IndexTerm(col.name, false, null, null, false)), onConflict(), false));
            } else if (c.acceptKeywords("CHECK")) {
                String check = parenthesisedText("CHECK");
                if (check != null) {
                    col.checks.add(check);
                    constraints.add(new CheckConstraint(constraintName, index, check));
                }
            } else if (c.acceptKeywords("REFERENCES")) {
                constraints.add(references(constraintName, index, List.of(col.name)));
            } else if (t.isKeyword("DEFERRABLE") || (t.isKeyword("NOT") && c.peek(1).isKeyword("DEFERRABLE"))) {
                deferClause();
            } else if (c.acceptKeywords("COLLATE")) {
                Token coll = c.peek();
                if (coll.isIdentifierLike() || coll.kind() == TokenKind.STRING) {
                    col.collation = c.next().value();
                } else {
                    c.problem("expected a collation name after COLLATE, found " + TokenCursor.describe(coll));
                }
            } else if (c.acceptKeywords("GENERATED", "ALWAYS", "AS") || c.acceptKeywords("AS")) {
                generated(col);
            } else {
                c.problem("unexpected " + TokenCursor.describe(t) + " in the definition of column " + col.name);
                c.skipDamagedItem();
                return;
            }
        }
    }

    private void generated(ColumnDraft col) {
        String expression = parenthesisedText("AS");
        Generated.Kind kind = Generated.Kind.VIRTUAL;
        Token t = c.peek();
        if (t.kind() == TokenKind.WORD && !t.isReservedWord() || t.isKeyword("VIRTUAL")) {
            c.next();
            if (AsciiCase.equalsIgnoreCase(t.text(), "STORED")) {
                kind = Generated.Kind.STORED;
            } else if (!t.isKeyword("VIRTUAL")) {
                c.problem("error in generated column \"" + col.name + "\": unknown kind " + t.text());
            }
        }
        if (col.generated != null) {
            c.problem("more than one GENERATED clause for column " + col.name);
        }
        col.generated = new Generated(kind, expression == null ? "" : expression);
    }

    /** "( expr )" after a keyword: the trimmed text inside, or null (with a problem) if there is no '('. */
    private String parenthesisedText(String after) {
        if (!c.peekOperator("(")) {
            c.problem("expected '(' after " + after + ", found " + TokenCursor.describe(c.peek()));
            return null;
        }
        int inside = c.skipParenthesised();
        Token close = c.previous();
        int end = close.isOperator(")") ? close.start() : close.end();
        return DefaultClause.trimmedSpan(c, c.token(inside - 1).end(), end);
    }

    /** onconf: ON CONFLICT (ROLLBACK|ABORT|FAIL|IGNORE|REPLACE), or null when absent. */
    private String onConflict() {
        if (!c.acceptKeywords("ON", "CONFLICT")) {
            return null;
        }
        Token t = c.peek();
        for (String r : new String[] {"ROLLBACK", "ABORT", "FAIL", "IGNORE", "REPLACE"}) {
            if (t.isKeyword(r)) {
                c.next();
                return r;
            }
        }
        c.problem("expected a conflict resolution after ON CONFLICT, found " + TokenCursor.describe(t));
        return null;
    }

    private void parseTableConstraint() {
        if (c.acceptKeywords("CONSTRAINT")) {
            // "CONSTRAINT name" is a constraint of its own in parse.y (tcons); the name applies to what follows
            tableConstraintName = c.acceptName();
            if (tableConstraintName == null) {
                c.problem("expected a name after CONSTRAINT");
            }
            return;
        }
        String constraintName = tableConstraintName;
        if (c.acceptKeywords("PRIMARY", "KEY")) {
            boolean[] autoincrement = new boolean[1];
            List<IndexTerm> terms = IndexTerm.parseList(c, true, autoincrement);
            constraints.add(new KeyDraft(true, constraintName, -1, terms, onConflict(), autoincrement[0]));
        } else if (c.acceptKeywords("UNIQUE")) {
            List<IndexTerm> terms = IndexTerm.parseList(c, false, new boolean[1]);
            constraints.add(new KeyDraft(false, constraintName, -1, terms, onConflict(), false));
        } else if (c.acceptKeywords("CHECK")) {
            String check = parenthesisedText("CHECK");
            onConflict();
            if (check != null) {
                constraints.add(new CheckConstraint(constraintName, -1, check));
            }
        } else if (c.acceptKeywords("FOREIGN", "KEY")) {
            List<String> from = nameList("FOREIGN KEY");
            if (c.expectKeyword("REFERENCES", "in FOREIGN KEY")) {
                constraints.add(references(constraintName, -1, from));
            }
            if (c.peekKeyword("DEFERRABLE") || (c.peekKeyword("NOT") && c.peek(1).isKeyword("DEFERRABLE"))) {
                deferClause();
            }
        } else {
            c.problem("unexpected " + TokenCursor.describe(c.peek()) + " in a table constraint");
            c.skipDamagedItem();
        }
    }

    /** "( name [COLLATE x] [ASC|DESC], ... )" as in eidlist; the names only. */
    private List<String> nameList(String where) {
        List<String> names = new ArrayList<>();
        if (!c.expectOperator("(", "in " + where)) {
            return names;
        }
        while (!c.atEnd() && !c.peekOperator(")")) {
            int start = c.skipExpression(t -> false);
            Token first = c.token(start);
            if (c.position() > start && first.isName()) {
                names.add(first.value());
            } else {
                c.problem("expected a column name in " + where + ", found " + TokenCursor.describe(first));
            }
            if (!c.acceptOperator(",")) {
                break;
            }
        }
        c.expectOperator(")", "in " + where);
        return names;
    }

    /** REFERENCES (already consumed) parent [(columns)] followed by ON DELETE/UPDATE/INSERT and MATCH clauses. */
    private ForeignKeyConstraint references(String constraintName, int column, List<String> from) {
        String parent = c.acceptName();
        if (parent == null) {
            c.problem("expected a table name after REFERENCES, found " + TokenCursor.describe(c.peek()));
        }
        List<String> to = c.peekOperator("(") ? nameList("REFERENCES") : List.of();
        String onDelete = "NO ACTION";
        String onUpdate = "NO ACTION";
        String match = null;
        while (true) {
            if (c.acceptKeywords("MATCH")) {
                match = c.acceptName();
            } else if (c.acceptKeywords("ON", "DELETE")) {
                onDelete = action();
            } else if (c.acceptKeywords("ON", "UPDATE")) {
                onUpdate = action();
            } else if (c.acceptKeywords("ON", "INSERT")) {
                action();
            } else {
                break;
            }
        }
        return new ForeignKeyConstraint(constraintName, column, from, parent == null ? "" : parent, to, onDelete,
                onUpdate, match, false);
    }

    private String action() {
        if (c.acceptKeywords("SET", "NULL")) {
            return "SET NULL";
        }
        if (c.acceptKeywords("SET", "DEFAULT")) {
            return "SET DEFAULT";
        }
        if (c.acceptKeywords("CASCADE")) {
            return "CASCADE";
        }
        if (c.acceptKeywords("RESTRICT")) {
            return "RESTRICT";
        }
        if (c.acceptKeywords("NO", "ACTION")) {
            return "NO ACTION";
        }
        c.problem("expected a foreign key action, found " + TokenCursor.describe(c.peek()));
        return "NO ACTION";
    }

    /** [NOT] DEFERRABLE [INITIALLY DEFERRED|IMMEDIATE]; applies to the most recent foreign key, as SQLite does. */
    private void deferClause() {
        boolean not = c.acceptKeywords("NOT");
        c.acceptKeywords("DEFERRABLE");
        boolean deferred = false;
        if (c.acceptKeywords("INITIALLY")) {
            if (c.acceptKeywords("DEFERRED")) {
                deferred = true;
            } else if (!c.acceptKeywords("IMMEDIATE")) {
                c.problem("expected DEFERRED or IMMEDIATE after INITIALLY");
            }
        }
        for (int i = constraints.size() - 1; i >= 0; i--) {
            if (constraints.get(i) instanceof ForeignKeyConstraint fk) {
                constraints.set(i, new ForeignKeyConstraint(fk.name(), fk.column(), fk.columns(), fk.parentTable(),
                        fk.parentColumns(), fk.onDelete(), fk.onUpdate(), fk.match(), deferred && !not));
                return;
            }
        }
    }

    /** table_option_set: WITHOUT ROWID and STRICT, comma-separated. */
    private void parseOptions() {
        if (c.atStatementEnd()) {
            return;
        }
        do {
            if (c.acceptKeywords("WITHOUT")) {
                Token t = c.next();
                if (AsciiCase.equalsIgnoreCase(t.value(), "rowid") && t.isName()) {
                    withoutRowid = true;
                } else {
                    c.problem("unknown table option: WITHOUT " + t.text());
                }
            } else if (c.peek().isName()) {
                Token t = c.next();
                if (AsciiCase.equalsIgnoreCase(t.value(), "strict")) {
                    strict = true;
                } else {
                    c.problem("unknown table option: " + t.text());
                }
            } else {
                c.problem("expected a table option, found " + TokenCursor.describe(c.peek()));
                return;
            }
        } while (c.acceptOperator(","));
    }

    private Result build() {
        return TableAssembler.assemble(name, rootPage, c.sql(), columns, constraints, withoutRowid, strict, c);
    }
}
