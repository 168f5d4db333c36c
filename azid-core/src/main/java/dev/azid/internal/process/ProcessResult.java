package dev.azid.internal.process;

/**
 * How a process ended. Output may hold tokens: never log it unredacted.
 *
 * @param exitCode the exit code, or -1 when it was killed after the timeout
 * @param stdout standard output, UTF-8, truncated at {@link SystemProcessRunner#MAX_OUTPUT} bytes
 * @param stderr standard error, likewise
 * @param timedOut whether the timeout ended it
 */
public record ProcessResult(int exitCode, String stdout, String stderr, boolean timedOut) {

    /** Never shows the output. */
    @Override
    public String toString() {
        return "ProcessResult[exitCode=" + exitCode + ", timedOut=" + timedOut + ", stdout=" + stdout.length()
                + " chars, stderr=" + stderr.length() + " chars]";
    }
}
