package dev.loupe.format.schema;

/** Lexical classes of SQLite's tokenizer (tokenize.c), reduced to what DDL parsing needs. */
public enum TokenKind {
    /** A bare word: an identifier or a keyword ({@link Token#isKeyword}). */
    WORD,
    /** An identifier quoted with "double quotes", [brackets] or `backticks`. */
    QUOTED_IDENTIFIER,
    /** A 'string literal' with '' standing for one quote. */
    STRING,
    /** A blob literal x'0A1b' (an even number of hex digits). */
    BLOB,
    /** A decimal or 0x hexadecimal integer literal, possibly with _ digit separators. */
    INTEGER,
    /** A real literal: digits with a '.' or an exponent, possibly with _ digit separators. */
    FLOAT,
    /** A parameter: ?, ?NNN, :name, @name, $name, #name. */
    VARIABLE,
    /** Punctuation and operators: ( ) , ; . + - * / % = == < <= > >= <> != << >> || -> ->> & | ~. */
    OPERATOR,
    /** Text SQLite's tokenizer rejects: an unterminated quote, a bad blob literal, 12abc, a stray character. */
    ILLEGAL
}
