package dev.azid.internal.redact;

import java.util.Locale;
import java.util.Set;

/**
 * Authorization schemes ({@code Bearer}, {@code Basic}, {@code Negotiate}, {@code NTLM},
 * {@code PoP}, {@code SharedAccessSignature}) and what counts as the credential after one: a word
 * of at least {@value #MIN_SCHEME_CREDENTIAL} characters that is neither an auth parameter
 * ({@code realm=...}) nor prose ({@code Bearer authentication failed}).
 */
final class Schemes {

    /** Shorter words after a scheme name are ordinary English ("Basic setup"), not credentials. */
    static final int MIN_SCHEME_CREDENTIAL = 8;

    private static final Set<String> NAMES = Set.of("bearer", "basic", "negotiate", "ntlm", "pop",
            "sharedaccesssignature");
    /** Words that follow a scheme name in prose ("Bearer authentication failed"). */
    private static final Set<String> PROSE = Set.of("authentication", "authorization", "credential", "credentials",
            "challenge", "challenges", "required", "supported", "expected", "rejected", "refused", "invalid");

    private Schemes() {
    }

    /**
     * Tells whether a word names an authorization scheme.
     *
     * @param lowerCaseWord the word, in lower case
     * @return whether it does
     */
    static boolean isScheme(String lowerCaseWord) {
        return NAMES.contains(lowerCaseWord);
    }

    /**
     * Tells whether the word after a scheme name is a credential.
     *
     * @param s the text
     * @param f the word's first character
     * @param g one past its last
     * @return whether to mask it
     */
    static boolean isCredential(String s, int f, int g) {
        return g - f >= MIN_SCHEME_CREDENTIAL && !isParameter(s, f, g) && !PROSE.contains(trimmedLower(s, f, g));
    }

    /** {@code realm=...}, {@code error="..."}: a name of letters, {@code =}, then a value. */
    private static boolean isParameter(String s, int f, int g) {
        int n = s.length();
        int k = f;
        while (k < g && (Character.isLetter(s.charAt(k)) || s.charAt(k) == '_' || s.charAt(k) == '-')) {
            k++;
        }
        if (k == f || k >= g || s.charAt(k) != '=') {
            return false;
        }
        int after = k;
        while (after < g && s.charAt(after) == '=') {
            after++;
        }
        if (after < g) {
            // 'Bearer abc=.' is base64 padding then punctuation, not name=value: a value needs substance.
            for (int i = after; i < g; i++) {
                if (Character.isLetterOrDigit(s.charAt(i)) || s.charAt(i) == '"' || s.charAt(i) == '\'') {
                    return true;
                }
            }
            return false;
        }
        // name="value" opens a quoted value; 'Bearer abc=' ends a quoted credential with its padding.
        return g + 1 < n && (s.charAt(g) == '"' || s.charAt(g) == '\'') && !Chars.isTerminator(s.charAt(g + 1));
    }

    private static String trimmedLower(String s, int from, int to) {
        int t = to;
        while (t > from && ".,:;!?".indexOf(s.charAt(t - 1)) >= 0) {
            t--;
        }
        return t - from > 32 ? "" : s.substring(from, t).toLowerCase(Locale.ROOT);
    }
}
