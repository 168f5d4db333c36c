package dev.azid.test.gen;

import java.util.SplittableRandom;

/**
 * Strings drawn from a character set, between two lengths. With no characters chosen, any
 * character is drawn: mostly printable ASCII, often control characters, sometimes any other
 * character of the Basic Multilingual Plane (surrogates included, as hostile input has them).
 */
public final class StringGen implements Gen<String> {

    static final StringGen DEFAULT = new StringGen("", 0, 255);

    private final String chars;
    private final int min;
    private final int max;

    private StringGen(String chars, int min, int max) {
        this.chars = chars;
        this.min = min;
        this.max = max;
    }

    /** @return the same generator also drawing these characters */
    public StringGen withChars(CharSequence more) {
        return new StringGen(chars + more, min, max);
    }

    /** @return the same generator also drawing these characters */
    public StringGen withChars(char... more) {
        return withChars(new String(more));
    }

    /** @return the same generator also drawing the characters from {@code from} to {@code to} */
    public StringGen withCharRange(char from, char to) {
        StringBuilder sb = new StringBuilder();
        for (char c = from; c <= to && c >= from; c++) {
            sb.append(c);
            if (c == Character.MAX_VALUE) {
                break;
            }
        }
        return withChars(sb);
    }

    /** @return the same generator also drawing ASCII letters */
    public StringGen alpha() {
        return withCharRange('a', 'z').withCharRange('A', 'Z');
    }

    /** @return the same generator also drawing ASCII digits */
    public StringGen numeric() {
        return withCharRange('0', '9');
    }

    /** @return the same generator also drawing every ASCII character (0 to 127) */
    public StringGen ascii() {
        return withCharRange((char) 0, (char) 127);
    }

    /** @return the generator of any character (the default) */
    public StringGen all() {
        return new StringGen("", min, max);
    }

    /** @return the same generator with a minimum length */
    public StringGen ofMinLength(int value) {
        return new StringGen(chars, value, Math.max(value, max));
    }

    /** @return the same generator with a maximum length */
    public StringGen ofMaxLength(int value) {
        return new StringGen(chars, Math.min(min, value), value);
    }

    /** @return the same generator with one length */
    public StringGen ofLength(int value) {
        return new StringGen(chars, value, value);
    }

    @Override
    public String next(SplittableRandom r) {
        int n = Gens.size(r, min, max);
        StringBuilder sb = new StringBuilder(n);
        for (int i = 0; i < n; i++) {
            sb.append(chars.isEmpty() ? anyChar(r) : chars.charAt(r.nextInt(chars.length())));
        }
        return sb.toString();
    }

    private static char anyChar(SplittableRandom r) {
        int kind = r.nextInt(10);
        if (kind < 6) {
            return (char) (' ' + r.nextInt(95));
        }
        if (kind < 8) {
            return (char) (r.nextInt(33) == 32 ? 127 : r.nextInt(32));
        }
        return (char) r.nextInt(Character.MAX_VALUE + 1);
    }
}
