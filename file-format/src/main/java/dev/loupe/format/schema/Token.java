package dev.loupe.format.schema;

/**
 * One token of SQL text. {@code start} and {@code end} are character offsets into the text it was cut from, so the
 * original spelling of any run of tokens (with its comments and spacing) can be recovered.
 */
public record Token(TokenKind kind, String text, int start, int end) {

    /** True for a bare word equal to {@code keyword}, ignoring case (keywords are case-insensitive). */
    public boolean isKeyword(String keyword) {
        return kind == TokenKind.WORD && AsciiCase.equalsIgnoreCase(text, keyword);
    }

    /** True for an operator or punctuation token spelled exactly {@code op}. */
    public boolean isOperator(String op) {
        return kind == TokenKind.OPERATOR && text.equals(op);
    }

    /** True for a bare word that is on SQLite's keyword list. */
    public boolean isReservedWord() {
        return kind == TokenKind.WORD && Keywords.isKeyword(text);
    }

    /**
     * True if SQLite's grammar accepts this token where it expects an identifier ({@code id}): a bare word that is
     * not a keyword, a quoted identifier, or one of the keywords that fall back to an identifier (parse.y
     * {@code %fallback ID}).
     */
    public boolean isIdentifierLike() {
        return kind == TokenKind.QUOTED_IDENTIFIER
                || (kind == TokenKind.WORD && (!Keywords.isKeyword(text) || Keywords.fallsBackToId(text)));
    }

    /**
     * True if the grammar accepts this token as a name ({@code nm}): an identifier, INDEXED, a join keyword
     * (LEFT, CROSS, ...) or a string literal.
     */
    public boolean isName() {
        return isIdentifierLike() || kind == TokenKind.STRING
                || (kind == TokenKind.WORD && (Keywords.isJoinKeyword(text) || AsciiCase.equalsIgnoreCase(text, "INDEXED")));
    }

    /**
     * The value of a name token as SQLite stores it: quotes removed and doubled quotes collapsed
     * (sqlite3Dequote), other tokens as written.
     */
    public String value() {
        return switch (kind) {
            case QUOTED_IDENTIFIER, STRING -> Identifiers.dequote(text);
            default -> text;
        };
    }

    /** Upper-case spelling, for comparing keywords. */
    public String upper() {
        return AsciiCase.upper(text);
    }
}
