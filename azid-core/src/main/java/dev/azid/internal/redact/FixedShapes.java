package dev.azid.internal.redact;

/**
 * Shapes that are secret whatever precedes them (JWTs, PEM private keys), and bracket matching.
 * Each scan looks at every character a bounded number of times.
 */
final class FixedShapes {

    private FixedShapes() {
    }

    /**
     * Marks JWT-shaped parts of a run of name characters: {@code eyJ}, then two dot-separated
     * segments of at least 4 characters, and the rest of the run (a JWE's further segments).
     *
     * @param s the text
     * @param start the run's first character
     * @param end one past its last
     * @param mask the flags to set
     */
    static void jwts(String s, int start, int end, boolean[] mask) {
        int k = start;
        while (k + 3 <= end) {
            if (!s.startsWith("eyJ", k)) {
                k++;
                continue;
            }
            int q = nextDot(s, k + 3, end);
            if (q >= end || q - (k + 3) < 4) {
                k = Math.max(k + 1, q);
                continue;
            }
            int r = nextDot(s, q + 1, end);
            if (r >= end || r - (q + 1) < 4) {
                k = q + 1;
                continue;
            }
            set(mask, k, end);
            return;
        }
    }

    /**
     * Marks the body of each {@code -----BEGIN ... PRIVATE KEY-----} block, up to its END line (or
     * the end of the text).
     *
     * @param s the text
     * @param mask the flags to set
     */
    static void privateKeys(String s, boolean[] mask) {
        int n = s.length();
        int from = 0;
        while (true) {
            int begin = s.indexOf("-----BEGIN ", from);
            if (begin < 0) {
                return;
            }
            int headerEnd = s.indexOf("-----", begin + 11);
            if (headerEnd < 0) {
                return;
            }
            from = headerEnd + 5;
            if (s.substring(begin + 11, headerEnd).contains("PRIVATE KEY")) {
                int stop = s.indexOf("-----END", from);
                set(mask, from, stop < 0 ? n : stop);
                if (stop < 0) {
                    return;
                }
                from = stop + 8;
            }
        }
    }

    /**
     * Finds the bracket that closes the one at {@code v}, skipping brackets inside {@code "..."}.
     *
     * @param s the text
     * @param v the opening bracket
     * @return its closing bracket, or the end of the text
     */
    static int closingBracket(String s, int v) {
        int n = s.length();
        int depth = 0;
        char quote = 0;
        for (int i = v; i < n; i++) {
            char c = s.charAt(i);
            if (quote != 0) {
                if (c == '\\') {
                    i++;
                } else if (c == quote) {
                    quote = 0;
                }
            } else if (c == '"') {
                quote = c;
            } else if (c == '[' || c == '{') {
                depth++;
            } else if ((c == ']' || c == '}') && --depth == 0) {
                return i;
            }
        }
        return n;
    }

    private static int nextDot(String s, int from, int end) {
        int i = from;
        while (i < end && s.charAt(i) != '.') {
            i++;
        }
        return i;
    }

    private static void set(boolean[] mask, int from, int to) {
        for (int i = from; i < to; i++) {
            mask[i] = true;
        }
    }
}
