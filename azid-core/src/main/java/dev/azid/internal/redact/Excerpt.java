package dev.azid.internal.redact;

/** Shortens text that is already redacted, so a message quotes a few lines and not a whole answer. */
final class Excerpt {

    /** What an excerpt of blank text says. */
    static final String NONE = "(no output)";
    /** The most non-blank lines kept. */
    static final int MAX_LINES = 6;
    /** The most characters kept. */
    static final int MAX_CHARS = 600;

    private Excerpt() {
    }

    /**
     * Keeps the first non-blank lines, stripped and joined with {@code " | "}, within the limits.
     *
     * @param text redacted text
     * @return the excerpt
     */
    static String shorten(String text) {
        StringBuilder sb = new StringBuilder();
        int lines = 0;
        int start = 0;
        int n = text.length();
        while (start < n && sb.length() <= MAX_CHARS) {
            int end = start;
            while (end < n && text.charAt(end) != '\n' && text.charAt(end) != '\r') {
                end++;
            }
            String line = text.substring(start, Math.min(end, start + MAX_CHARS + 1)).strip();
            start = end + 1;
            if (line.isEmpty()) {
                continue;
            }
            if (lines++ == MAX_LINES) {
                sb.append(" ...");
                break;
            }
            if (sb.length() > 0) {
                sb.append(" | ");
            }
            sb.append(line);
        }
        if (sb.length() == 0) {
            return NONE;
        }
        return sb.length() > MAX_CHARS ? sb.substring(0, MAX_CHARS) + " ..." : sb.toString();
    }

    /**
     * The first line, stripped, cut to a length.
     *
     * @param text redacted text
     * @param maxChars the most characters
     * @return the line, with {@code ...} when it was cut
     */
    static String firstLine(String text, int maxChars) {
        int end = 0;
        while (end < text.length() && text.charAt(end) != '\n' && text.charAt(end) != '\r') {
            end++;
        }
        String line = text.substring(0, end).strip();
        return line.length() > maxChars ? line.substring(0, maxChars) + "..." : line;
    }
}
