package dev.loupe.format.schema;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.SQLException;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** SQLite's lexical rules (tokenize.c) on the cases DDL parsing depends on. */
class SqlTokenizerTest {

    private static List<String> kinds(String sql) {
        return SqlTokenizer.tokenize(sql).stream().map(t -> t.kind() + ":" + t.text()).toList();
    }

    @Test
    void quotedIdentifiersAndStrings() {
        List<Token> t = SqlTokenizer.tokenize("\"a\"\"b\" [c d] `e``f` 'it''s'");
        assertThat(t).extracting(Token::kind).containsExactly(TokenKind.QUOTED_IDENTIFIER,
                TokenKind.QUOTED_IDENTIFIER, TokenKind.QUOTED_IDENTIFIER, TokenKind.STRING);
        assertThat(t).extracting(Token::value).containsExactly("a\"b", "c d", "e`f", "it's");
    }

    @Test
    void bracketsDoNotEscapeAndUnterminatedQuotesAreIllegal() {
        assertThat(kinds("[a]]")).containsExactly("QUOTED_IDENTIFIER:[a]", "ILLEGAL:]");
        assertThat(kinds("'abc")).containsExactly("ILLEGAL:'abc");
        assertThat(kinds("\"abc")).containsExactly("ILLEGAL:\"abc");
        assertThat(kinds("[abc")).containsExactly("ILLEGAL:[abc");
    }

    @Test
    void blobs() {
        assertThat(kinds("x'0aFF' X'' x'0' x'zz' x'0a")).containsExactly("BLOB:x'0aFF'", "BLOB:X''", "ILLEGAL:x'0'",
                "ILLEGAL:x'zz'", "ILLEGAL:x'0a");
    }

    @Test
    void numbers() {
        assertThat(kinds("0x1F 1e5 .5 5. 1_000 1.5e-3 12abc 1e 0x 1__0 0x_1"))
                .containsExactly("INTEGER:0x1F", "FLOAT:1e5", "FLOAT:.5", "FLOAT:5.", "INTEGER:1_000",
                        "FLOAT:1.5e-3", "ILLEGAL:12abc", "ILLEGAL:1e", "ILLEGAL:0x", "ILLEGAL:1__0", "ILLEGAL:0x_1");
    }

    @Test
    void commentsAndSpaceSeparateTokens() {
        assertThat(kinds("a-- x ( ,\nb/* c ) */c/* unterminated")).containsExactly("WORD:a", "WORD:b", "WORD:c");
        assertThat(kinds("a\u000b\fb")).containsExactly("WORD:a", "WORD:b");
    }

    @Test
    void operators() {
        assertThat(kinds("a->>'$'||b!=c<>d==e<=f>>g->h")).extracting(s -> s.split(":")[1]).containsExactly(
                "a", "->>", "'$'", "||", "b", "!=", "c", "<>", "d", "==", "e", "<=", "f", ">>", "g", "->", "h");
        assertThat(kinds("!")).containsExactly("ILLEGAL:!");
    }

    @Test
    void variablesAndIdentifierCharacters() {
        assertThat(kinds("?1 :a @b $c #d a$b _x ä名")).containsExactly("VARIABLE:?1", "VARIABLE::a", "VARIABLE:@b",
                "VARIABLE:$c", "VARIABLE:#d", "WORD:a$b", "WORD:_x", "WORD:ä名");
    }

    /** A literal we read as one legal token is one SQLite accepts, and the other way round. */
    @Test
    void literalsAreLegalExactlyWhenSqliteAcceptsThem(@TempDir Path dir) throws Exception {
        List<String> literals = List.of("1_000", "0x1F", ".5", "5.", "0x1_F", "1e1_0", "1__0", "0x_1", "1_", "x'0'",
                "x''", "X'aB'", "1e", "1e+", "1e+5", "0x1F_", "1_.5", "1._5", "12abc", "'a''b'", "'a'b'", "\"q\"",
                "[q]", "`q`", "0x", "00", "1.2.3", "x'0g'", "9999999999999999999999", "0xFFFFFFFFFFFFFFFF");
        try (SqliteOracle db = SqliteOracle.create(dir, "lex.db")) {
            db.exec("CREATE TABLE q(q)");
            for (String literal : literals) {
                boolean sqlite;
                try {
                    db.query("SELECT " + literal + " FROM q");
                    sqlite = true;
                } catch (SQLException e) {
                    sqlite = false;
                }
                List<Token> tokens = SqlTokenizer.tokenize(literal);
                boolean ours = tokens.size() == 1 && tokens.get(0).kind() != TokenKind.ILLEGAL;
                assertThat(ours).as(literal).isEqualTo(sqlite);
            }
        }
    }

    @Test
    void offsetsPointIntoTheText() {
        String sql = "CREATE /* x */ TABLE \"t\"(a)";
        for (Token t : SqlTokenizer.tokenize(sql)) {
            assertThat(sql.substring(t.start(), t.end())).isEqualTo(t.text());
        }
    }

    @Test
    void keywordsIgnoreAsciiCaseOnly() {
        Token select = SqlTokenizer.tokenize("sElEcT").get(0);
        assertThat(select.isKeyword("SELECT")).isTrue();
        assertThat(select.isReservedWord()).isTrue();
        assertThat(SqlTokenizer.tokenize("ıf").get(0).isKeyword("IF")).isFalse();
        assertThat(SqlTokenizer.tokenize("key").get(0).isIdentifierLike()).isTrue();
        assertThat(SqlTokenizer.tokenize("primary").get(0).isIdentifierLike()).isFalse();
        assertThat(SqlTokenizer.tokenize("left").get(0).isName()).isTrue();
        assertThat(SqlTokenizer.tokenize("left").get(0).isIdentifierLike()).isFalse();
    }
}
