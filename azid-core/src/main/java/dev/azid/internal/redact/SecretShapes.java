package dev.azid.internal.redact;

import java.util.Locale;

/**
 * Finds secrets by their shape in foreign text, in one left-to-right pass that looks at each
 * character a bounded number of times (no regular expressions, so no backtracking): time and memory
 * are linear in the length of the text whatever it holds.
 *
 * <p>Shapes: JWTs ({@code eyJ...}.{@code ...}.{@code ...}); a secret-named key (see
 * {@link SecretKeys}) then {@code =} or {@code :} (also URL-encoded {@code %3D}/{@code %3A}, with
 * any spacing, the key bare or quoted with {@code "}, {@code '}, {@code \"} or {@code %22}) then a
 * value, quoted, bracketed or bare; {@code <key>value} XML elements; {@code --key value} command-line
 * options; {@code Bearer}/{@code Basic}/{@code Negotiate}/{@code NTLM}/{@code PoP}/{@code
 * SharedAccessSignature} followed by a credential (see {@link Schemes}); and the body of a PEM {@code PRIVATE KEY} block. Values are marked, keys and quotes
 * kept, so the text stays readable.
 */
final class SecretShapes {

    private final String s;
    private final int n;
    private final boolean[] mask;
    /** Whether the last separator found was URL-encoded: then so is the value after it. */
    private boolean encodedSeparator;

    private SecretShapes(String text, boolean[] mask) {
        this.s = text;
        this.n = text.length();
        this.mask = mask;
    }

    /**
     * Marks the characters of every secret found by shape.
     *
     * @param text the text
     * @param mask one flag per character of the text, set for characters to hide
     */
    static void mark(String text, boolean[] mask) {
        SecretShapes scan = new SecretShapes(text, mask);
        FixedShapes.privateKeys(text, mask);
        scan.scan();
    }

    private void scan() {
        int i = 0;
        while (i < n) {
            if (Chars.isIdent(s.charAt(i))) {
                int end = i;
                while (end < n && Chars.isIdent(s.charAt(end))) {
                    end++;
                }
                i = run(i, end);
            } else {
                i++;
            }
        }
    }

    /** Handles one run of name characters; returns where scanning goes on, always past {@code start}. */
    private int run(int start, int end) {
        FixedShapes.jwts(s, start, end, mask);
        int keyStart = start;
        if (start > 0 && s.charAt(start - 1) == '%' && end - start > 2 && Chars.isHex(s.charAt(start))
                && Chars.isHex(s.charAt(start + 1))) {
            keyStart = start + 2; // %22refresh_token, %26code: the run begins with an escape's hex digits.
        }
        boolean option = s.charAt(keyStart) == '-';
        int nameStart = keyStart;
        while (nameStart < end && s.charAt(nameStart) == '-') {
            nameStart++;
        }
        if (nameStart == end) {
            return end;
        }
        boolean quoted = keyStart > start || start > 0 && (s.charAt(start - 1) == '"' || s.charAt(start - 1) == '\'');
        int value = separator(start, end);
        if (value >= 0) {
            if (!SecretKeys.isSecret(s, nameStart, end, quoted)) {
                return end;
            }
            return value(value, encodedSeparator, SecretKeys.isWholeLine(s, nameStart, end));
        }
        if (Schemes.isScheme(lower(start, end))) {
            return scheme(end);
        }
        if (option && end < n && Chars.isSpace(s.charAt(end)) && SecretKeys.isSecret(s, nameStart, end, false)) {
            // The next word is the value even when it starts with '-': a password may.
            return value(skipSpaces(end), false, false);
        }
        return end;
    }

    /**
     * After a name: an optional closing quote, spaces, {@code =} or {@code :} (or their URL
     * encodings, or {@code >} after {@code <name}), spaces. Returns where the value starts, or -1.
     */
    private int separator(int start, int end) {
        int j = end;
        if (j < n && (s.charAt(j) == '"' || s.charAt(j) == '\'')) {
            j++;
        } else if (j + 1 < n && s.charAt(j) == '\\' && (s.charAt(j + 1) == '"' || s.charAt(j + 1) == '\'')) {
            j += 2;
        } else if (startsWith(j, "%22") || startsWith(j, "%27")) {
            j += 3;
        }
        j = skipSpaces(j);
        if (j >= n) {
            return -1;
        }
        encodedSeparator = false;
        char c = s.charAt(j);
        if (c == '=' || c == ':') {
            j++;
            if (j < n && s.charAt(j) == '>' && c == '=') {
                j++; // Ruby and Perl hashes: "password" => "x"
            }
            return skipSpaces(j);
        }
        if (startsWith(j, "%3A") || startsWith(j, "%3D")) {
            encodedSeparator = true;
            j += 3;
            while (j < n && (s.charAt(j) == '+' || Chars.isSpace(s.charAt(j)) || startsWith(j, "%20"))) {
                j += s.charAt(j) == '%' ? 3 : 1;
            }
            return j;
        }
        if (c == '>' && j == end && start > 0 && s.charAt(start - 1) == '<') {
            return j + 1;
        }
        return -1;
    }

    /** Marks a value that starts at {@code v}; returns where scanning goes on. */
    private int value(int v, boolean encoded, boolean wholeLine) {
        if (v >= n) {
            return v;
        }
        char c = s.charAt(v);
        if (c == '"' || c == '\'') {
            int close = v + 1;
            while (close < n && s.charAt(close) != c && !Chars.isNewline(s.charAt(close))) {
                close += s.charAt(close) == '\\' && close + 1 < n && !Chars.isNewline(s.charAt(close + 1)) ? 2 : 1;
            }
            return hide(v + 1, Math.min(close, n), 1);
        }
        if (c == '\\' && v + 1 < n && (s.charAt(v + 1) == '"' || s.charAt(v + 1) == '\'')) {
            char q = s.charAt(v + 1);
            int close = v + 2;
            while (close < n && !(s.charAt(close) == '\\' && close + 1 < n && s.charAt(close + 1) == q)
                    && !Chars.isNewline(s.charAt(close))) {
                close++;
            }
            return hide(v + 2, close, 2);
        }
        if (startsWith(v, "%22") || startsWith(v, "%27")) {
            String q = s.substring(v, v + 3);
            int close = v + 3;
            while (close < n && !startsWith(close, q) && !Character.isWhitespace(s.charAt(close))
                    && s.charAt(close) != '&') {
                close++;
            }
            return hide(v + 3, close, startsWith(close, q) ? 3 : 0);
        }
        if (c == '[' || c == '{') {
            int close = FixedShapes.closingBracket(s, v);
            return hide(v + 1, close, 1);
        }
        if (wholeLine) {
            int e = v;
            while (e < n && !Chars.isNewline(s.charAt(e))) {
                e++;
            }
            return hide(v, e, 0);
        }
        int e = bare(v, encoded);
        int token = v;
        if (e > v && e < n && Chars.isSpace(s.charAt(e)) && Schemes.isScheme(lower(v, e))) {
            int f = skipSpaces(e);
            int g = bare(f, encoded);
            if (g > f) {
                token = f;
                e = g;
            }
        }
        hide(v, e, 0);
        // "pwd: client_secret = x", "code: --password x": what looked like a value may name another
        // secret, so read it again as a name. Only a single name or one followed by a separator is
        // read twice, which keeps the scan linear.
        return e > token && (isName(token, e) || separator(token, e) >= 0) ? token : e;
    }

    private boolean isName(int from, int to) {
        for (int i = from; i < to; i++) {
            if (!Chars.isIdent(s.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    /** The end of an unquoted value. */
    private int bare(int v, boolean encoded) {
        int e = v;
        while (e < n && !Chars.isTerminator(s.charAt(e)) && !(encoded && (startsWith(e, "%26") || startsWith(e, "%22")))) {
            e++;
        }
        return e;
    }

    /**
     * After {@code Bearer}: spaces, then a credential unless it is an auth parameter or prose.
     * Scanning goes on at the credential, so that if it was really a name ({@code Basic
     * --password x}) its value is masked too.
     */
    private int scheme(int end) {
        if (end >= n || !Chars.isSpace(s.charAt(end))) {
            return end;
        }
        int f = skipSpaces(end);
        int g = f;
        while (g < n && !Chars.isTerminator(s.charAt(g))) {
            g++;
        }
        if (Schemes.isCredential(s, f, g)) {
            set(f, g);
        }
        return f;
    }

    /** Marks {@code [from, to)}; returns the index after the closing delimiter of length {@code closeLength}. */
    private int hide(int from, int to, int closeLength) {
        set(from, to);
        return Math.max(from, Math.min(n, to + (to < n ? closeLength : 0)));
    }

    private void set(int from, int to) {
        for (int i = from; i < to; i++) {
            mask[i] = true;
        }
    }

    private int skipSpaces(int j) {
        while (j < n && Chars.isSpace(s.charAt(j))) {
            j++;
        }
        return j;
    }

    private boolean startsWith(int at, String what) {
        return s.regionMatches(true, at, what, 0, what.length());
    }

    private String lower(int from, int to) {
        return to - from > 32 ? "" : s.substring(from, to).toLowerCase(Locale.ROOT);
    }
}
