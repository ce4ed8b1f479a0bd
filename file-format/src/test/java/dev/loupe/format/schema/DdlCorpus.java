package dev.loupe.format.schema;

import java.util.List;

/**
 * Odd but valid DDL, each statement accepted by SQLite 3.54 (sqlite-jdbc). Tables come before the indexes, views and
 * triggers that refer to them. Names are unique across the corpus so that all of it runs in one database.
 */
final class DdlCorpus {

    private DdlCorpus() {
    }

    static final List<String> STATEMENTS = List.of(
            // plain, quoted and odd names
            "CREATE TABLE t01(a, b, c)",
            "CREATE TABLE \"t 02 \"\"q\"\"\"(\"col one\" TEXT, [col two] INT, `col``three` REAL, 'col four' BLOB)",
            "CREATE TABLE t03(a VARCHAR(10), b DOUBLE PRECISION, c UNSIGNED BIG INT, d NVARCHAR(100, 5),"
                    + " e DECIMAL(-10,+5), f CHARACTER VARYING(255), g NATIVE CHARACTER(70), h \"FLOATING POINT\","
                    + " i CLOB, j DATETIME, k BOOLEAN, l ANY, m BLOBINT, n text, o int, p DOUBLEBLOB, q BLOBDOUBLE,"
                    + " r CHARINT, s \"\", t 'INT')",
            "CREATE TABLE t04(a /* comment ) , */ INTEGER -- comment, with comma\n, b TEXT /* ( */ NOT NULL)",
            // rowid aliases and their quirks
            "CREATE TABLE t05(a INTEGER PRIMARY KEY, b)",
            "CREATE TABLE t06(a INTEGER PRIMARY KEY DESC, b)",
            "CREATE TABLE t07(a INTEGER, b, PRIMARY KEY(a DESC))",
            "CREATE TABLE t08(a INT PRIMARY KEY, b)",
            "CREATE TABLE t09(a integer primary key autoincrement, b)",
            "CREATE TABLE t10(\"a\" \"INTEGER\" PRIMARY KEY)",
            "CREATE TABLE t11(a INTEGER(8) PRIMARY KEY)",
            "CREATE TABLE t12(a INTEGER, b INTEGER, PRIMARY KEY(a, b))",
            // constraints in every position
            "CREATE TABLE t13(a TEXT PRIMARY KEY COLLATE NOCASE, b UNIQUE ON CONFLICT REPLACE,"
                    + " c NOT NULL ON CONFLICT IGNORE DEFAULT 5)",
            "CREATE TABLE t14(a, b, c, UNIQUE(a, b), UNIQUE(b, a), UNIQUE(a DESC, b), PRIMARY KEY(a, b),"
                    + " CONSTRAINT u3 UNIQUE(c COLLATE rtrim))",
            "CREATE TABLE t15(a UNIQUE PRIMARY KEY, b TEXT COLLATE nocase UNIQUE, c, UNIQUE(b COLLATE binary),"
                    + " UNIQUE(b), UNIQUE(c))",
            "CREATE TABLE t16(a CHECK (a > 0 AND a < ')'), b TEXT CHECK (b IN ('x,y', 'z)')), c,"
                    + " CONSTRAINT chk CHECK ((a + c) * 2 > (c - 1)) ON CONFLICT FAIL)",
            "CREATE TABLE t17(a INT, b INT GENERATED ALWAYS AS (a * 2) VIRTUAL,"
                    + " c TEXT AS (upper(cast(a AS TEXT))) STORED, d GENERATED ALWAYS AS (a + 1), e AS ((a)))",
            "CREATE TABLE t18(id INTEGER PRIMARY KEY, parent INT REFERENCES t18(id) ON DELETE CASCADE"
                    + " ON UPDATE SET NULL, other INT CONSTRAINT fk2 REFERENCES t05 DEFERRABLE INITIALLY DEFERRED,"
                    + " x, y, FOREIGN KEY (x, y) REFERENCES t12(a, b) ON DELETE SET DEFAULT MATCH FULL"
                    + " NOT DEFERRABLE)",
            // WITHOUT ROWID, STRICT, both
            "CREATE TABLE t19(a TEXT, b INT, c REAL, PRIMARY KEY (b, a)) WITHOUT ROWID",
            "CREATE TABLE t20(a INT PRIMARY KEY, b TEXT) STRICT",
            "CREATE TABLE t21(a INTEGER PRIMARY KEY, b ANY, c TEXT NOT NULL, d BLOB, e REAL, f INT) STRICT,"
                    + " WITHOUT ROWID",
            "CREATE TABLE t22(a TEXT PRIMARY KEY, b ANY) WITHOUT ROWID, STRICT",
            "CREATE TABLE IF NOT EXISTS main.t23(a, b)",
            "CREATE TABLE t25 AS SELECT 1 AS a, 'x' AS b, 1.5 AS \"c d\", x'00' AS e, NULL AS f, t05.a AS g,"
                    + " t05.a + 1 AS \"select\" FROM t05",
            "CREATE TABLE t26(a INTEGER PRIMARY KEY, b UNIQUE, c, UNIQUE(c), UNIQUE(b)) WITHOUT ROWID",
            "CREATE TABLE t27(a TEXT PRIMARY KEY, b UNIQUE) WITHOUT ROWID",
            "CREATE TABLE t28(a, b, c, d, PRIMARY KEY(d, b DESC, d)) WITHOUT ROWID",
            "CREATE TABLE t29(key key, desc desc, replace, temp, \"order\" int, [group] text, `x``y` ANY, left,"
                    + " right INT)",
            // defaults
            "CREATE TABLE t30(a DEFAULT -9223372036854775808, b DEFAULT 9223372036854775808,"
                    + " c DEFAULT 0x7fffffffffffffff, d DEFAULT 0xffffffffffffffff, e DEFAULT -0x10,"
                    + " f DEFAULT 1_000, g DEFAULT \"true\", h DEFAULT [x y], i DEFAULT -'abc', j DEFAULT -' 7 ',"
                    + " k DEFAULT -'1.5e1x', l DEFAULT 1e400, m DEFAULT -1e-400, n DEFAULT .5, o DEFAULT 5.,"
                    + " p DEFAULT 1.5e-7, q DEFAULT +x'0a', r DEFAULT (((-2))), s DEFAULT current_date,"
                    + " t DEFAULT (1+2), u DEFAULT hello, v DEFAULT true, w DEFAULT FALSE, x DEFAULT NULL,"
                    + " y DEFAULT (NULL), z DEFAULT 'it''s', aa DEFAULT ( /* c */ 'x' ), ab DEFAULT - 5,"
                    + " ac DEFAULT (true), ad DEFAULT 1_000.5, ae DEFAULT (-(7)))",
            "CREATE TABLE t31(a TEXT DEFAULT 1.0, b TEXT DEFAULT 1e20, c TEXT DEFAULT 0.1, d TEXT DEFAULT 123.456,"
                    + " e TEXT DEFAULT -2.5e-5, f TEXT DEFAULT 1e15, g INT DEFAULT '  12  ', h INT DEFAULT '1e3',"
                    + " i INT DEFAULT '0x10', j REAL DEFAULT '3', k REAL DEFAULT 3,"
                    + " l NUMERIC DEFAULT '9223372036854775808', m INTEGER DEFAULT 3.0, n INTEGER DEFAULT 3.5,"
                    + " o NUMERIC DEFAULT '1.', p TEXT DEFAULT x'41', q INT DEFAULT '-0', r DEFAULT -0.0,"
                    + " s REAL DEFAULT -0, t NUMERIC DEFAULT 4503599627370496.0, u NUMERIC DEFAULT '  +5',"
                    + " v INT DEFAULT '12abc', w TEXT DEFAULT 12, x TEXT DEFAULT 1e16, y TEXT DEFAULT 1e17,"
                    + " z TEXT DEFAULT 0.0001, aa TEXT DEFAULT 1.5e-5)",
            // indexes of every kind
            "CREATE TABLE t32(a, b, c)",
            "CREATE INDEX i32a ON t32(a)",
            "CREATE UNIQUE INDEX IF NOT EXISTS main.i32b ON t32(b DESC, a ASC)",
            "CREATE INDEX i32c ON t32(a COLLATE nocase, b COLLATE rtrim DESC)",
            "CREATE INDEX i32d ON t32(a + b, lower(c), (a + b) COLLATE nocase, a + b COLLATE rtrim)",
            "CREATE INDEX i32e ON t32(c) WHERE c IS NOT NULL AND c > 'x)'",
            "CREATE INDEX i32f ON t32('a', \"b\", (c), +c, ((b)) DESC)",
            "CREATE INDEX i32g ON t32(c COLLATE nocase COLLATE rtrim, a collate \"NOCASE\")",
            "CREATE INDEX \"i32 h\" ON t32(-a, CASE WHEN a THEN b ELSE c END, CAST(a AS TEXT) COLLATE nocase,"
                    + " a->>'$.x')",
            "CREATE TABLE t33(a TEXT COLLATE nocase, b, c TEXT, PRIMARY KEY(b DESC, a)) WITHOUT ROWID",
            "CREATE INDEX i33a ON t33(c)",
            "CREATE INDEX i33b ON t33(a, c)",
            "CREATE INDEX i33c ON t33(a COLLATE binary)",
            "CREATE UNIQUE INDEX i33d ON t33(b)",
            "CREATE TABLE t34(a PRIMARY KEY, b, c, UNIQUE(c, a)) WITHOUT ROWID",
            // virtual tables (their shadow tables are ordinary tables), views, triggers
            "CREATE VIRTUAL TABLE ft USING fts5(title, body, tokenize = 'porter unicode61')",
            "CREATE VIRTUAL TABLE IF NOT EXISTS ft2 USING fts5(x, content='', contentless_delete=1)",
            "CREATE VIEW v1 AS SELECT a, b FROM t01 WHERE a > 0",
            "CREATE VIEW IF NOT EXISTS main.v2(x, \"y z\") AS SELECT 1, 2",
            "CREATE TRIGGER tr1 AFTER INSERT ON t01 BEGIN INSERT INTO t05(b) VALUES (new.a); END",
            "CREATE TRIGGER IF NOT EXISTS main.tr2 BEFORE UPDATE OF a, b ON t01 FOR EACH ROW WHEN new.a > 0"
                    + " BEGIN SELECT RAISE(ABORT, 'no; way'); UPDATE t05 SET b = 1; END",
            "CREATE TRIGGER tr3 INSTEAD OF DELETE ON v1 BEGIN DELETE FROM t01 WHERE a = old.a; END",
            "CREATE TRIGGER tr4 DELETE ON t01 BEGIN SELECT 1; END",
            // more column constraint combinations
            "CREATE TABLE t43(a PRIMARY KEY ASC ON CONFLICT ROLLBACK, b NULL, c NOT NULL,"
                    + " d CONSTRAINT dn NOT NULL CONSTRAINT dc CHECK (d <> ''), e COLLATE rtrim)",
            "CREATE TABLE t44(a INT GENERATED ALWAYS AS (1) STORED NOT NULL, b INT)",
            "CREATE TABLE t46(a INTEGER NOT NULL PRIMARY KEY ON CONFLICT IGNORE AUTOINCREMENT,"
                    + " b TEXT UNIQUE NOT NULL, c INTEGER DEFAULT (strftime('%s','now')))",
            "CREATE TABLE t47(a INT, b INT, c INT, PRIMARY KEY(a), UNIQUE(b), CHECK(c > a),"
                    + " FOREIGN KEY(b) REFERENCES t05(a))",
            "CREATE TABLE t48(a TEXT PRIMARY KEY DESC, b) WITHOUT ROWID",
            "CREATE INDEX i48 ON t48(b)",
            "CREATE TABLE t49(a INTEGER, PRIMARY KEY(a COLLATE nocase))",
            "CREATE TABLE t50(a, b, PRIMARY KEY('a'))",
            "CREATE TABLE t51(Mixed INTEGER PRIMARY KEY, CamelCase TEXT)",
            "CREATE INDEX i51 ON t51(camelcase, MIXED)",
            "CREATE TABLE t52(a INT PRIMARY KEY, b INT UNIQUE, c INT UNIQUE) WITHOUT ROWID",
            "CREATE TABLE t53(a, b UNIQUE, PRIMARY KEY(b)) WITHOUT ROWID",
            "CREATE TABLE t54(a INTEGER UNIQUE PRIMARY KEY) WITHOUT ROWID",
            "CREATE TABLE t55(\"CREATE\" TEXT, \"TABLE\" INT, \"select\" REAL)",
            "CREATE TABLE t56(a INTEGER PRIMARY KEY UNIQUE, b)",
            "CREATE TABLE t57(x GENERATED ALWAYS AS (y * 2), y INT)",
            "CREATE TABLE t58(a REAL DEFAULT 1, b FLOAT DEFAULT '2.5', c NUMERIC DEFAULT 'abc', d BLOB DEFAULT 'abc',"
                    + " e DEFAULT (-(5)), f DEFAULT (+'x'))",
            "CREATE TABLE t59(a CURRENT_DATE, b KEY, c VIRTUAL, d WITHOUT, e rowid)",
            "CREATE TABLE t60(a TEXT CONSTRAINT pk PRIMARY KEY CONSTRAINT nn NOT NULL, b)",
            "CREATE TABLE \"tä61\"(größe INT, 名前 TEXT, \"ı\" INT)",
            "CREATE TABLE t62(a DOUBLE, b \"DOUBLE PRECISION\"(5), c 'VARCHAR'(3))",
            "CREATE TABLE t64(a, b, c, CONSTRAINT one UNIQUE (a) CONSTRAINT two CHECK (b > 0) PRIMARY KEY (c))",
            "CREATE TABLE t65(a NOT NULL DEFAULT 0 CHECK(a >= 0) UNIQUE COLLATE nocase REFERENCES t05(a))",
            "CREATE TABLE t66(a, b)",
            "CREATE INDEX i66 ON t66(json_extract(a, '$.k'), b DESC) WHERE b IS NOT NULL",
            "CREATE TABLE t67(a INTEGER PRIMARY KEY ASC, b)",
            "CREATE TABLE t68(a INTEGER PRIMARY KEY, b) WITHOUT ROWID",
            "CREATE TABLE t69(a BLOB PRIMARY KEY, b BLOB UNIQUE) STRICT",
            "CREATE TABLE t70(a INT, b TEXT NOT NULL, c TEXT DEFAULT 'x', PRIMARY KEY(a, b)) STRICT",
            "CREATE TABLE [t71](`a` INT, \"b\" TEXT, [c] REAL, 'd' BLOB)",
            "CREATE TABLE t72(a -- trailing\n)",
            "CREATE TABLE t73(a INTEGER PRIMARY KEY, b GENERATED ALWAYS AS (a) STORED, c AS (b) VIRTUAL, d)",
            "CREATE TABLE t74(a, b AS (a + 1), c, d AS (c) STORED, e, PRIMARY KEY(e, c)) WITHOUT ROWID",
            "CREATE TABLE t76(a INTEGER PRIMARY KEY ON CONFLICT REPLACE, b UNIQUE ON CONFLICT ABORT,"
                    + " c UNIQUE ON CONFLICT REPLACE)",
            "CREATE TABLE t77(a numeric(10,2), b varchar, c nchar(2), d \"TEXT\"(5))",
            "CREATE TABLE t78(a, \"a b\" DEFAULT 'a,b)c', c CHECK (c != '/* not a comment */'),"
                    + " d CHECK (d != '-- nor this'))",
            "CREATE TABLE t79 (a INT)",
            "CREATE INDEX i79 ON t79 (a) WHERE a NOT IN (1, 2, 3)",
            "CREATE TABLE t80(a INTEGER PRIMARY KEY, b INTEGER REFERENCES t80, c)",
            "CREATE TABLE t81(a, b, c, d, UNIQUE(a, a), UNIQUE(b COLLATE nocase, b))",
            "CREATE TABLE t82(a TEXT PRIMARY KEY, b TEXT, c TEXT) WITHOUT ROWID",
            "CREATE INDEX i82 ON t82(b, a)",
            "CREATE INDEX i82b ON t82(c COLLATE nocase, a COLLATE nocase)",
            "CREATE TABLE \"t83\" (  \"x\"   INTEGER   ,  \"y\"   )   ",
            "CREATE TABLE t84(a INT DEFAULT (1) NOT NULL, b TEXT DEFAULT 'x' COLLATE nocase)",
            "CREATE TABLE t85(a, b, PRIMARY KEY(a) ON CONFLICT FAIL, UNIQUE(b) ON CONFLICT IGNORE)",
            "CREATE TABLE t86(a INTEGER CONSTRAINT \"pk name\" PRIMARY KEY AUTOINCREMENT)",
            "CREATE TABLE t88(a INT, b INT AS (a) VIRTUAL UNIQUE)",
            "CREATE TABLE t89(a)",
            "CREATE INDEX i89 ON t89(a) WHERE a > 0 -- trailing comment",
            "CREATE TABLE t90(a INT PRIMARY KEY, b TEXT, c) WITHOUT ROWID",
            "CREATE INDEX i90 ON t90(c, a DESC)",
            "CREATE TABLE t91(a INTEGER, b, PRIMARY KEY(a AUTOINCREMENT))",
            "CREATE TABLE t92(a TEXT, b TEXT, PRIMARY KEY(a COLLATE nocase, a)) WITHOUT ROWID",
            "create temp table if not exists t93(a integer primary key, b text unique)",
            "CREATE TABLE t94(a INT CHECK (a > 0) CHECK (a < 10) CONSTRAINT named CHECK (a <> 5))");
}
