package dev.azid.benchmarks;

import java.util.List;
import java.util.Locale;

/** Markdown tables and the number formats the report uses. */
final class Markdown {

    private Markdown() {
    }

    /**
     * A table.
     *
     * @param header the column titles
     * @param rows the cells (a {@code |} in a cell is escaped)
     * @return the Markdown, ending with a blank line
     */
    static String table(List<String> header, List<List<String>> rows) {
        StringBuilder sb = new StringBuilder();
        row(sb, header);
        sb.append('|');
        header.forEach(h -> sb.append("---|"));
        sb.append('\n');
        rows.forEach(r -> row(sb, r));
        return sb.append('\n').toString();
    }

    private static void row(StringBuilder sb, List<String> cells) {
        sb.append('|');
        for (String c : cells) {
            sb.append(' ').append(c.replace("|", "\\|").replace("\n", " ")).append(" |");
        }
        sb.append('\n');
    }

    /**
     * A duration in nanoseconds, in the largest unit that keeps it above 1.
     *
     * @param nanos nanoseconds
     * @return e.g. {@code 47.1 ns}, {@code 12.3 µs}, {@code 59.1 ms}, or {@code n/a}
     */
    static String nanos(double nanos) {
        if (Double.isNaN(nanos)) {
            return "n/a";
        }
        if (nanos < 1e3) {
            return String.format(Locale.ROOT, "%.1f ns", nanos);
        }
        if (nanos < 1e6) {
            return String.format(Locale.ROOT, "%.1f µs", nanos / 1e3);
        }
        return String.format(Locale.ROOT, "%.1f ms", nanos / 1e6);
    }

    /**
     * @param millis milliseconds
     * @return e.g. {@code 412 ms} or {@code n/a}
     */
    static String millis(double millis) {
        return Double.isNaN(millis) ? "n/a" : String.format(Locale.ROOT, "%,.0f ms", millis);
    }

    /**
     * @param value a number
     * @return it with thousands separators and no decimals, or {@code n/a}
     */
    static String count(double value) {
        return Double.isNaN(value) ? "n/a" : String.format(Locale.ROOT, "%,.0f", value);
    }

    /**
     * @param value a ratio
     * @return e.g. {@code 1.08x} or {@code 1,234x}, or {@code n/a}
     */
    static String ratio(double value) {
        if (Double.isNaN(value) || Double.isInfinite(value)) {
            return "n/a";
        }
        return value >= 100 ? String.format(Locale.ROOT, "%,.0fx", value) : String.format(Locale.ROOT, "%.2fx", value);
    }

    /**
     * @param bytes a size
     * @return e.g. {@code 1.23 MB} (10^6 bytes)
     */
    static String megabytes(double bytes) {
        return Double.isNaN(bytes) ? "n/a" : String.format(Locale.ROOT, "%.2f MB", bytes / 1e6);
    }
}
