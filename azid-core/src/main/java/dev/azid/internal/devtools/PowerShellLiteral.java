package dev.azid.internal.devtools;

/**
 * Turns any text into a PowerShell single-quoted string literal that evaluates to exactly that
 * text. Inside single quotes PowerShell expands nothing ({@code $}, {@code $(...)}, backticks and
 * newlines are literal); the only special characters are the quotes themselves, and PowerShell
 * counts the typographic single quotes U+2018 to U+201B as quotes too, so each of them is doubled,
 * which is how a quote is written inside such a literal. Values are also checked against
 * allow-lists before they reach a script; this is the second guard.
 */
final class PowerShellLiteral {

    private PowerShellLiteral() {
    }

    /**
     * Quotes text.
     *
     * @param text any text
     * @return {@code 'text'}, with every single-quote character doubled
     */
    static String of(String text) {
        StringBuilder sb = new StringBuilder(text.length() + 2).append('\'');
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (isQuote(c)) {
                sb.append(c);
            }
            sb.append(c);
        }
        return sb.append('\'').toString();
    }

    /**
     * Whether PowerShell reads a character as a single quote.
     *
     * @param c the character
     * @return whether it is {@code '} or one of U+2018 to U+201B
     */
    static boolean isQuote(char c) {
        return c == '\'' || c >= '\u2018' && c <= '\u201b';
    }
}
