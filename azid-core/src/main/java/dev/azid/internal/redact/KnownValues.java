package dev.azid.internal.redact;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Secret values a credential knows (its client secret, passwords, assertions, tokens it sent or
 * received) and the simple encodings under which a server or tool may echo them: URL-encoded (with
 * {@code +} or {@code %20} for spaces, upper- or lower-case hex), JSON-escaped, and base64.
 * Searched with Knuth-Morris-Pratt, so time is linear in the text for each value.
 */
final class KnownValues {

    /**
     * Values shorter than this are not searched for: they would mask ordinary text (a status code,
     * "true", a word) all over a message, and show little. They are still masked wherever they
     * stand in a secret-shaped field, like every value.
     */
    static final int MIN_LENGTH = 4;

    private KnownValues() {
    }

    /**
     * Adds a value and its encodings to a set, skipping those that are too short.
     *
     * @param into the set
     * @param value the secret, or {@code null}
     */
    static void addWithEncodings(Set<String> into, String value) {
        if (value == null || value.length() < MIN_LENGTH) {
            return;
        }
        add(into, value);
        add(into, value.strip());
        String form = URLEncoder.encode(value, StandardCharsets.UTF_8);
        add(into, form);
        add(into, form.replace("+", "%20"));
        add(into, lowerHex(form));
        add(into, json(value));
        add(into, Base64.getEncoder().encodeToString(value.getBytes(StandardCharsets.UTF_8)));
        add(into, Base64.getUrlEncoder().withoutPadding().encodeToString(value.getBytes(StandardCharsets.UTF_8)));
    }

    /**
     * Adds the {@code Authorization: Basic} forms of a user and password: base64 of
     * {@code user:password}, raw and with both parts URL-encoded (RFC 6749, section 2.3.1).
     *
     * @param into the set
     * @param user the user or client id
     * @param password the password or client secret
     */
    static void addBasic(Set<String> into, String user, String password) {
        if (user == null || password == null || password.length() < MIN_LENGTH) {
            return;
        }
        Base64.Encoder b64 = Base64.getEncoder();
        add(into, b64.encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8)));
        add(into, b64.encodeToString((URLEncoder.encode(user, StandardCharsets.UTF_8) + ":"
                + URLEncoder.encode(password, StandardCharsets.UTF_8)).getBytes(StandardCharsets.UTF_8)));
    }

    /**
     * Marks every occurrence of every value.
     *
     * @param text the text
     * @param values the values
     * @param mask one flag per character, set for characters to hide
     */
    static void mark(String text, List<String> values, boolean[] mask) {
        for (String v : values) {
            if (v.length() <= text.length()) {
                markOne(text, v, mask);
            }
        }
    }

    private static void markOne(String text, String pattern, boolean[] mask) {
        int m = pattern.length();
        int[] fail = new int[m];
        for (int i = 1, k = 0; i < m; i++) {
            while (k > 0 && pattern.charAt(i) != pattern.charAt(k)) {
                k = fail[k - 1];
            }
            if (pattern.charAt(i) == pattern.charAt(k)) {
                k++;
            }
            fail[i] = k;
        }
        int lastMarked = 0;
        for (int i = 0, k = 0; i < text.length(); i++) {
            while (k > 0 && text.charAt(i) != pattern.charAt(k)) {
                k = fail[k - 1];
            }
            if (text.charAt(i) == pattern.charAt(k)) {
                k++;
            }
            if (k == m) {
                // Overlapping matches share characters: start after what is already marked, so each is set once.
                for (int j = Math.max(i - m + 1, lastMarked); j <= i; j++) {
                    mask[j] = true;
                }
                lastMarked = i + 1;
                k = fail[k - 1];
            }
        }
    }

    private static void add(Set<String> into, String value) {
        if (value.length() >= MIN_LENGTH) {
            into.add(value);
        }
    }

    private static String lowerHex(String encoded) {
        StringBuilder sb = new StringBuilder(encoded.length());
        for (int i = 0; i < encoded.length(); i++) {
            char c = encoded.charAt(i);
            if (c == '%' && i + 2 < encoded.length()) {
                sb.append('%').append(encoded.substring(i + 1, i + 3).toLowerCase(Locale.ROOT));
                i += 2;
            } else {
                sb.append(c);
            }
        }
        return sb.toString();
    }

    private static String json(String value) {
        StringBuilder sb = new StringBuilder(value.length() + 8);
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '/' -> sb.append("\\/");
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                case '\t' -> sb.append("\\t");
                default -> {
                    if (c < 0x20) {
                        sb.append(String.format("\\u%04x", (int) c));
                    } else {
                        sb.append(c);
                    }
                }
            }
        }
        return sb.toString();
    }

    /** @return a new, ordered, duplicate-free set */
    static Set<String> newSet() {
        return new LinkedHashSet<>();
    }
}
