package dev.azid.conformance;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Runs another language's client as a child process for the cross-language conformance tests: argv only,
 * a clean environment (only {@code PATH}, {@code HOME} and what the test names, so nothing of the build's
 * environment leaks in), standard input closed, both outputs drained and capped, killed at the timeout.
 */
final class ChildProcess {

    /** The most output kept per stream. */
    private static final int MAX_OUTPUT = 1024 * 1024;
    private static final Pattern TOKEN = Pattern.compile("\"token\"\\s*:\\s*\"([A-Za-z0-9._-]+)\"");

    /**
     * What a run printed.
     *
     * @param exitCode the exit code
     * @param stdout standard output
     * @param stderr standard error
     */
    record Result(int exitCode, String stdout, String stderr) {

        /** @return the access token the scripts print as {@code {"token": "..."}} */
        String token() {
            Matcher m = TOKEN.matcher(stdout);
            if (!m.find()) {
                throw new AssertionError("no token in the client's output; stderr: " + stderr);
            }
            return m.group(1);
        }
    }

    private ChildProcess() {
    }

    /**
     * Whether an interpreter or tool is installed.
     *
     * @param executable its absolute path
     * @return whether it can be run
     */
    static boolean installed(Path executable) {
        return Files.isExecutable(executable);
    }

    /**
     * Runs a program and requires exit code 0.
     *
     * @param argv the program and its arguments
     * @param env the child's variables besides {@code PATH} and {@code HOME}
     * @param home the child's {@code HOME} and working directory
     * @param timeout how long it may run
     * @return what it printed
     */
    static Result runOk(List<String> argv, Map<String, String> env, Path home, Duration timeout) throws Exception {
        Result r = run(argv, env, home, timeout);
        if (r.exitCode() != 0) {
            throw new AssertionError(argv.get(0) + " " + argv.subList(1, Math.min(argv.size(), 3)) + " exited with "
                    + r.exitCode() + "; stderr:\n" + r.stderr());
        }
        return r;
    }

    /**
     * Runs a program.
     *
     * @param argv the program and its arguments
     * @param env the child's variables besides {@code PATH} and {@code HOME}
     * @param home the child's {@code HOME} and working directory
     * @param timeout how long it may run; beyond it the process tree is killed and the test fails
     * @return what it printed
     */
    static Result run(List<String> argv, Map<String, String> env, Path home, Duration timeout) throws Exception {
        ProcessBuilder builder = new ProcessBuilder(argv).directory(home.toFile());
        builder.environment().clear();
        builder.environment().put("PATH", "/usr/local/bin:/usr/bin:/bin");
        builder.environment().put("HOME", home.toString());
        builder.environment().putAll(env);
        Process process = builder.start();
        process.getOutputStream().close();
        CompletableFuture<String> out = CompletableFuture.supplyAsync(() -> drain(process.getInputStream()));
        CompletableFuture<String> err = CompletableFuture.supplyAsync(() -> drain(process.getErrorStream()));
        if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
            throw new AssertionError(argv.get(0) + " did not finish within " + timeout.toSeconds() + " s; stderr so far:\n"
                    + err.getNow(""));
        }
        return new Result(process.exitValue(), out.get(10, TimeUnit.SECONDS), err.get(10, TimeUnit.SECONDS));
    }

    private static String drain(InputStream in) {
        ByteArrayOutputStream kept = new ByteArrayOutputStream();
        byte[] buf = new byte[8192];
        try (in) {
            for (int n; (n = in.read(buf)) > 0; ) {
                kept.write(buf, 0, Math.min(n, Math.max(0, MAX_OUTPUT - kept.size())));
            }
        } catch (IOException e) {
            // The process was killed: keep what was read.
        }
        return kept.toString(StandardCharsets.UTF_8);
    }
}
