package dev.azid.internal.devtools;

import java.util.regex.Pattern;

/**
 * Makes another tool's output safe to put in a message: tokens and secrets removed, a few lines
 * kept. Redaction is by shape (JWTs, {@code "...token..."}/{@code "...secret..."} JSON values), not
 * by exact spacing.
 */
public final class ToolOutput {

    private static final Pattern JWT = Pattern.compile("eyJ[A-Za-z0-9_-]{4,}\\.[A-Za-z0-9_-]{4,}\\.[A-Za-z0-9_-]*");
    private static final Pattern SECRET_FIELD = Pattern.compile(
            "(\"[^\"]*(?i:token|secret|password|assertion)[^\"]*\"\\s*:\\s*)\"(?:[^\"\\\\]|\\\\.)*\"");
    private static final int MAX_LINES = 6;
    private static final int MAX_CHARS = 600;

    private ToolOutput() {
    }

    /**
     * Redacts and shortens output.
     *
     * @param text the tool's output
     * @return at most a few lines, without tokens
     */
    public static String sanitize(String text) {
        if (text == null || text.isBlank()) {
            return "(no output)";
        }
        String redacted = SECRET_FIELD.matcher(text).replaceAll("$1\"****\"");
        redacted = JWT.matcher(redacted).replaceAll("****");
        StringBuilder sb = new StringBuilder();
        int lines = 0;
        for (String line : redacted.strip().split("\r?\n")) {
            if (line.isBlank()) {
                continue;
            }
            if (lines++ == MAX_LINES) {
                sb.append(" ...");
                break;
            }
            if (sb.length() > 0) {
                sb.append(" | ");
            }
            sb.append(line.strip());
        }
        return sb.length() > MAX_CHARS ? sb.substring(0, MAX_CHARS) + " ..." : sb.toString();
    }
}
