package dev.loupe.format.schema;

import java.util.ArrayList;
import java.util.List;

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
    private final List<Object> constraints = new ArrayList<>();
    private boolean withoutRowid;
    private boolean strict;

    /** A PRIMARY KEY or UNIQUE constraint whose terms are matched to columns once all columns are known. */
    private record KeyDraft(boolean primary, String name, int column, List<IndexTerm> terms, String onConflict,
                            boolean autoincrement) {
    }

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
            if (c.acceptOperator(",") || c.peekOperator(")")) {
                continue;
            }
            if (inConstraints && c.position() > before) {
                continue; // table constraints need no comma between them
            }
            c.problem("expected ',' or ')' in the column list, found " + TokenCursor.describe(c.peek()));
            if (c.position() == before) {
                c.next();
            }
            c.skipExpression(t -> false);
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
            c.skipExpression(t -> false);
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
        for (ColumnDraft existing : columns) {
            if (AsciiCase.equalsIgnoreCase(existing.name, columnName)) {
                c.problem("duplicate column name: " + columnName);
            }
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
            if (!number && !t.isIdentifierLike()) {
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
                c.skipExpression(x -> false);
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
        String constraintName = null;
        if (c.acceptKeywords("CONSTRAINT")) {
            constraintName = c.acceptName();
            if (constraintName == null) {
                c.problem("expected a name after CONSTRAINT");
            }
            if (!startsTableConstraint(c.peek()) || c.peekKeyword("CONSTRAINT")) {
                if (c.peekKeyword("CONSTRAINT")) {
                    parseTableConstraint();
                }
                return;
            }
        }
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
            c.skipExpression(t -> false);
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
        List<String> problems = new ArrayList<>();
        List<Column> plain = new ArrayList<>();
        for (ColumnDraft d : columns) {
            plain.add(d.build(strict));
        }
        KeyDraft pkDraft = null;
        for (Object o : constraints) {
            if (o instanceof KeyDraft k && k.primary()) {
                if (pkDraft == null) {
                    pkDraft = k;
                } else {
                    problems.add("table \"" + name + "\" has more than one primary key");
                }
            }
        }
        List<IndexedColumn> pk = new ArrayList<>();
        if (pkDraft != null) {
            for (IndexTerm term : pkDraft.terms()) {
                IndexedColumn ic = term.resolve(plain, problems);
                pk.add(ic);
                if (ic.tableColumn() >= 0) {
                    columns.get(ic.tableColumn()).primaryKey = true;
                } else if (ic.isExpression()) {
                    problems.add("expressions prohibited in PRIMARY KEY and UNIQUE constraints");
                }
            }
        }
        boolean aliasLike = pkDraft != null && pk.size() == 1 && pk.get(0).tableColumn() >= 0
                && isStandardInteger(columns.get(pk.get(0).tableColumn()))
                && !(pkDraft.column() >= 0 && pk.get(0).descending());
        int rowidAlias = aliasLike && !withoutRowid ? pk.get(0).tableColumn() : -1;
        boolean autoincrement = pkDraft != null && pkDraft.autoincrement();
        if (autoincrement && withoutRowid) {
            problems.add("AUTOINCREMENT not allowed on WITHOUT ROWID tables");
        } else if (autoincrement && rowidAlias < 0) {
            problems.add("AUTOINCREMENT is only allowed on an INTEGER PRIMARY KEY");
        }
        if (withoutRowid) {
            if (pkDraft == null) {
                problems.add("PRIMARY KEY missing on table " + name);
            }
            pk = withoutDuplicates(pk);
        }
        for (int i = 0; i < columns.size(); i++) {
            ColumnDraft d = columns.get(i);
            if (d.primaryKey && (withoutRowid || (strict && i != rowidAlias))) {
                d.notNull = true;
            }
            if (strict && !d.standardType) {
                problems.add(d.declaredType.isEmpty() ? "missing datatype for " + name + "." + d.name
                        : "unknown datatype for " + name + "." + d.name + ": \"" + d.declaredType + "\"");
            }
            if (d.generated != null && d.defaultValue != null) {
                problems.add("cannot use DEFAULT on a generated column");
            }
            if (d.generated != null && d.primaryKey) {
                problems.add("generated columns cannot be part of the PRIMARY KEY");
            }
        }
        List<Column> finalColumns = new ArrayList<>();
        for (ColumnDraft d : columns) {
            finalColumns.add(d.build(strict));
        }
        if (!columns.isEmpty() && columns.stream().allMatch(d -> d.generated != null)) {
            problems.add("must have at least one non-generated column");
        }
        List<TableConstraint> resolved = new ArrayList<>();
        for (Object o : constraints) {
            if (o instanceof KeyDraft k) {
                List<IndexedColumn> terms = new ArrayList<>();
                for (IndexTerm term : k.terms()) {
                    IndexedColumn ic = term.resolve(finalColumns, k == pkDraft ? new ArrayList<>() : problems);
                    if (k != pkDraft && ic.isExpression()) {
                        problems.add("expressions prohibited in PRIMARY KEY and UNIQUE constraints");
                    }
                    terms.add(ic);
                }
                resolved.add(k.primary()
                        ? new PrimaryKeyConstraint(k.name(), k.column(), terms, k.onConflict(), k.autoincrement())
                        : new UniqueConstraint(k.name(), k.column(), terms, k.onConflict()));
            } else {
                resolved.add((TableConstraint) o);
            }
        }
        Table table = new Table(name, rootPage, c.sql(), finalColumns, withoutRowid, strict, false, null, List.of(),
                rowidAlias, pk, autoincrement && rowidAlias >= 0, resolved, recordColumns(finalColumns, pk));
        for (String p : problems) {
            c.problem(p);
        }
        return new Result(table, ConstraintIndexes.derive(name, resolved, withoutRowid, aliasLike));
    }

    private static boolean isStandardInteger(ColumnDraft d) {
        return d.standardType && d.declaredType.equals("INTEGER");
    }

    /** convertToWithoutRowidTable: a PRIMARY KEY term repeating an earlier one (same column and collation) goes. */
    private static List<IndexedColumn> withoutDuplicates(List<IndexedColumn> pk) {
        List<IndexedColumn> out = new ArrayList<>();
        for (IndexedColumn ic : pk) {
            boolean dup = out.stream().anyMatch(o -> o.tableColumn() == ic.tableColumn() && o.tableColumn() >= 0
                    && AsciiCase.equalsIgnoreCase(o.collation(), ic.collation()));
            if (!dup) {
                out.add(ic);
            }
        }
        return out;
    }

    private int[] recordColumns(List<Column> cols, List<IndexedColumn> pk) {
        List<Integer> order = new ArrayList<>();
        if (withoutRowid) {
            for (IndexedColumn ic : pk) {
                if (ic.tableColumn() >= 0) {
                    order.add(ic.tableColumn());
                }
            }
        }
        for (int i = 0; i < cols.size(); i++) {
            if (cols.get(i).isStored() && !(withoutRowid && order.contains(i))) {
                order.add(i);
            }
        }
        return order.stream().mapToInt(Integer::intValue).toArray();
    }
}
