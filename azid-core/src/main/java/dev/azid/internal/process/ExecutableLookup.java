package dev.azid.internal.process;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * The outcome of a {@code PATH} search: the program found, if any, and where it was looked for.
 *
 * @param executable the absolute path of the program, or empty
 * @param searched the absolute directories searched, in order
 * @param ignored the PATH entries skipped because they are relative (or empty, or malformed)
 */
public record ExecutableLookup(Optional<Path> executable, List<String> searched, List<String> ignored) {

    /** The most entries a message lists of each kind; PATH can be long. */
    private static final int MAX_LISTED = 20;

    /**
     * Creates a lookup result.
     *
     * @param executable the program found, or empty
     * @param searched the absolute directories searched
     * @param ignored the entries skipped
     * @return the result
     */
    static ExecutableLookup of(Optional<Path> executable, List<Path> searched, List<String> ignored) {
        return new ExecutableLookup(executable, searched.stream().map(Path::toString).toList(), List.copyOf(ignored));
    }

    /**
     * Says where the program was looked for, for a "not found" message, e.g.
     * {@code searched the PATH directories /usr/bin, /bin; ignored the relative PATH entries '.', 'bin'}.
     *
     * @return the description, without a final full stop
     */
    public String describe() {
        String where = searched.isEmpty() ? "PATH has no absolute directories to search"
                : "searched the PATH directories " + list(searched, false);
        return ignored.isEmpty() ? where
                : where + "; ignored the relative PATH entries " + list(ignored, true) + ", which depend on the working "
                        + "directory (use absolute directories in PATH)";
    }

    private static String list(List<String> entries, boolean quote) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < entries.size() && i < MAX_LISTED; i++) {
            if (i > 0) {
                sb.append(", ");
            }
            String e = printable(entries.get(i));
            sb.append(!quote ? e : e.isBlank() ? "'" + e + "' (empty)" : "'" + e + "'");
        }
        if (entries.size() > MAX_LISTED) {
            sb.append(" and ").append(entries.size() - MAX_LISTED).append(" more");
        }
        return sb.toString();
    }

    /** Control characters would let a PATH entry forge lines in a log. */
    private static String printable(String s) {
        StringBuilder sb = new StringBuilder();
        for (char c : s.toCharArray()) {
            sb.append(c < 0x20 || c == 0x7f ? '?' : c);
        }
        return sb.length() > 200 ? sb.substring(0, 200) + "..." : sb.toString();
    }
}
