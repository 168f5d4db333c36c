package dev.azid.benchmarks;

import java.util.Locale;

/** The line a fail-through child prints: {@code failed <ms> <exception class>: <message>}. JDK only. */
final class FailThroughResult {

    /** Line prefix. */
    static final String PREFIX = "failed ";

    private FailThroughResult() {
    }

    /**
     * Formats the line.
     *
     * @param millis time to the final error
     * @param error the final error
     * @return the line
     */
    static String line(double millis, Throwable error) {
        return PREFIX + String.format(Locale.ROOT, "%.1f", millis) + " " + ChildOutput.describe(error);
    }

    /**
     * Reads the milliseconds back.
     *
     * @param line a line starting with {@link #PREFIX}
     * @return the milliseconds
     */
    static double millis(String line) {
        String rest = line.substring(PREFIX.length());
        return Double.parseDouble(rest.substring(0, rest.indexOf(' ')));
    }

    /**
     * Reads the error description back.
     *
     * @param line a line starting with {@link #PREFIX}
     * @return the exception class and message
     */
    static String error(String line) {
        String rest = line.substring(PREFIX.length());
        return rest.substring(rest.indexOf(' ') + 1);
    }
}
