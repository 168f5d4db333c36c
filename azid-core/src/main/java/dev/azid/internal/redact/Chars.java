package dev.azid.internal.redact;

/** The character classes of the shape scanners. */
final class Chars {

    private Chars() {
    }

    /** A character of a name: an ASCII letter or digit, {@code _}, {@code -} or {@code .}. */
    static boolean isIdent(char c) {
        return c < 128 && (Character.isLetterOrDigit(c) || c == '_' || c == '-' || c == '.');
    }

    /** A hexadecimal digit. */
    static boolean isHex(char c) {
        return c < 128 && Character.digit(c, 16) >= 0;
    }

    /** A space or tab, not a line break. */
    static boolean isSpace(char c) {
        return c == ' ' || c == '\t';
    }

    /** A line break. */
    static boolean isNewline(char c) {
        return c == '\n' || c == '\r';
    }

    /** Ends a value that is not quoted: white space or punctuation that cannot be in a token. */
    static boolean isTerminator(char c) {
        return Character.isWhitespace(c) || "&,;\"'<>()[]{}|`".indexOf(c) >= 0;
    }
}
