package dev.azid.benchmarks;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Runs one child JVM from an argument list (never a shell) with exactly the given environment and a
 * hard timeout, and timestamps every line it writes to standard output, so that the parent can time
 * "process start to first token" from its own clock.
 */
final class ChildJvm {

    /** How long the parent waits for a killed child and for the output reader to drain. */
    private static final Duration GRACE = Duration.ofSeconds(5);

    private ChildJvm() {
    }

    /**
     * One line of the child's standard output.
     *
     * @param nanosSinceStart when the parent read it, counted from just before the process was started
     * @param text the line
     */
    record Line(long nanosSinceStart, String text) {
    }

    /**
     * What a child did.
     *
     * @param exitCode its exit code, or -1 if it was killed after the timeout
     * @param timedOut whether the timeout was hit
     * @param wallNanos from just before start to exit (or to the kill)
     * @param lines its standard output
     * @param stderrTail the end of its standard error
     */
    record Result(int exitCode, boolean timedOut, long wallNanos, List<Line> lines, String stderrTail) {

        /**
         * The first line starting with a prefix.
         *
         * @param prefix the prefix
         * @return the line
         */
        Optional<Line> line(String prefix) {
            return lines.stream().filter(l -> l.text().startsWith(prefix)).findFirst();
        }

        /** @return a one-line description for error reports */
        String describe() {
            String err = stderrTail.strip().replace('\n', ' ');
            return (timedOut ? "timed out" : "exit " + exitCode) + (err.isEmpty() ? "" : ": " + err);
        }
    }

    /**
     * Starts the child, waits at most {@code timeout} for it to exit, and kills it otherwise.
     *
     * @param command the java executable and its arguments
     * @param environment the child's whole environment (nothing is inherited)
     * @param timeout the hard limit
     * @return what happened
     * @throws IOException if the process cannot be started
     * @throws InterruptedException if interrupted while waiting
     */
    static Result run(List<String> command, Map<String, String> environment, Duration timeout)
            throws IOException, InterruptedException {
        Path stderr = Files.createTempFile("azid-bench-child", ".stderr");
        try {
            ProcessBuilder pb = new ProcessBuilder(command);
            pb.environment().clear();
            pb.environment().putAll(environment);
            pb.redirectInput(ProcessBuilder.Redirect.from(nullDevice()));
            pb.redirectError(stderr.toFile());
            List<Line> lines = Collections.synchronizedList(new ArrayList<>());
            long start = System.nanoTime();
            Process process = pb.start();
            Thread reader = new Thread(() -> {
                try (BufferedReader in = new BufferedReader(
                        new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                    for (String s; (s = in.readLine()) != null;) {
                        lines.add(new Line(System.nanoTime() - start, s));
                    }
                } catch (IOException e) {
                    // The process was killed; keep what was read.
                }
            }, "child-stdout");
            reader.setDaemon(true);
            reader.start();
            boolean exited = process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
            long wall = System.nanoTime() - start;
            if (!exited) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly();
                process.waitFor(GRACE.toMillis(), TimeUnit.MILLISECONDS);
            }
            reader.join(GRACE.toMillis());
            return new Result(exited ? process.exitValue() : -1, !exited, wall, List.copyOf(lines), tail(stderr));
        } finally {
            Files.deleteIfExists(stderr);
        }
    }

    private static java.io.File nullDevice() {
        return new java.io.File(System.getProperty("os.name").startsWith("Windows") ? "NUL" : "/dev/null");
    }

    private static String tail(Path file) throws IOException {
        String s = Files.readString(file, StandardCharsets.UTF_8);
        return s.length() <= 600 ? s : s.substring(s.length() - 600);
    }
}
