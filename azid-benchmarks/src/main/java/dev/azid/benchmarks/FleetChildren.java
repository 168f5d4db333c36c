package dev.azid.benchmarks;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A fleet of child JVMs started together, each printing {@link FleetChild#READY} once it has built its
 * credential, then released together by one {@code go} line written to every child's standard input
 * before any answer is read; each then prints {@link FleetChild#TOKEN} (or {@link FleetChild#ERROR})
 * and exits. The parent times each child from the release to its answer on its own clock.
 */
final class FleetChildren {

    /**
     * What the fleet did.
     *
     * @param started children started
     * @param ready children that reported ready before the ready timeout
     * @param readyMillis from the first start to the last ready
     * @param tokenMillis per child that got a token: release to its token line
     * @param failed children that answered with an error
     * @param timedOut ready children that did not answer before the token timeout
     * @param firstError the first error or the end of the first failed child's standard error, or empty
     */
    record Outcome(int started, int ready, long readyMillis, List<Double> tokenMillis, int failed, int timedOut,
            String firstError) {
    }

    private record Line(long nanos, String text) {
    }

    private FleetChildren() {
    }

    /**
     * Runs one fleet to the end and kills whatever is left.
     *
     * @param launcher builds each child's command line and environment
     * @param libraryClasspath the client's runtime classpath
     * @param jvmOptions the children's JVM options
     * @param main the child's main class
     * @param env variables on top of {@code HOME} and {@code PATH}
     * @param n how many children
     * @param readyTimeout how long all children may take to be ready
     * @param tokenTimeout how long all may take after the release
     * @return what happened
     * @throws IOException if a child cannot be started
     * @throws InterruptedException if interrupted
     */
    static Outcome run(ChildLauncher launcher, String libraryClasspath, List<String> jvmOptions, Class<?> main,
            Map<String, String> env, int n, Duration readyTimeout, Duration tokenTimeout)
            throws IOException, InterruptedException {
        Path errDir = Files.createTempDirectory("azid-bench-fleet");
        List<Process> processes = new ArrayList<>();
        List<BlockingQueue<Line>> outputs = new ArrayList<>();
        try {
            long start = System.nanoTime();
            for (int i = 0; i < n; i++) {
                ProcessBuilder pb = new ProcessBuilder(launcher.command(libraryClasspath, jvmOptions, main, List.of()));
                pb.environment().clear();
                pb.environment().putAll(launcher.environment(env));
                pb.redirectError(errDir.resolve(i + ".stderr").toFile());
                Process p = pb.start();
                processes.add(p);
                BlockingQueue<Line> out = new LinkedBlockingQueue<>();
                outputs.add(out);
                Thread reader = new Thread(() -> read(p, out), "fleet-stdout-" + i);
                reader.setDaemon(true);
                reader.start();
            }
            long readyDeadline = System.nanoTime() + readyTimeout.toNanos();
            boolean[] isReady = new boolean[n];
            int ready = 0;
            String firstError = "";
            long lastReady = start;
            for (int i = 0; i < n; i++) {
                Line l = next(outputs.get(i), readyDeadline);
                if (l != null && l.text().equals(FleetChild.READY)) {
                    isReady[i] = true;
                    ready++;
                    lastReady = Math.max(lastReady, l.nanos());
                } else if (firstError.isEmpty()) {
                    firstError = describe(l, errDir.resolve(i + ".stderr"), "not ready within " + readyTimeout.toSeconds() + " s");
                }
            }
            long release = System.nanoTime();
            for (int i = 0; i < n; i++) {
                if (isReady[i]) {
                    OutputStream in = processes.get(i).getOutputStream();
                    in.write(FleetChild.GO_LINE);
                    in.flush();
                }
            }
            long tokenDeadline = release + tokenTimeout.toNanos();
            List<Double> tokenMillis = new ArrayList<>();
            int failed = n - ready;
            int timedOut = 0;
            for (int i = 0; i < n; i++) {
                if (!isReady[i]) {
                    continue;
                }
                Line l = next(outputs.get(i), tokenDeadline);
                if (l != null && l.text().startsWith(FleetChild.TOKEN)) {
                    tokenMillis.add((l.nanos() - release) / 1e6);
                    continue;
                }
                if (l == null) {
                    timedOut++;
                } else {
                    failed++;
                }
                if (firstError.isEmpty()) {
                    firstError = describe(l, errDir.resolve(i + ".stderr"), "no token within " + tokenTimeout.toSeconds() + " s");
                }
            }
            return new Outcome(n, ready, (lastReady - start) / 1_000_000, tokenMillis, failed, timedOut, firstError);
        } finally {
            for (Process p : processes) {
                p.descendants().forEach(ProcessHandle::destroyForcibly);
                p.destroyForcibly();
            }
            for (Process p : processes) {
                p.waitFor(5, TimeUnit.SECONDS);
            }
            try (var paths = Files.walk(errDir)) {
                paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    private static void read(Process p, BlockingQueue<Line> out) {
        try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
            for (String s = r.readLine(); s != null; s = r.readLine()) {
                if (s.startsWith(FleetChild.PREFIX)) {
                    out.add(new Line(System.nanoTime(), s));
                }
            }
        } catch (IOException e) {
            // Killed; what was read is kept.
        }
    }

    /** The next line, or null at the deadline. */
    private static Line next(BlockingQueue<Line> out, long deadlineNanos) throws InterruptedException {
        long left = deadlineNanos - System.nanoTime();
        return out.poll(Math.max(0, left), TimeUnit.NANOSECONDS);
    }

    private static String describe(Line line, Path stderr, String silence) throws IOException {
        if (line != null) {
            return line.text();
        }
        String err = Files.isRegularFile(stderr) ? Files.readString(stderr, StandardCharsets.UTF_8).strip() : "";
        err = err.length() <= 300 ? err : err.substring(err.length() - 300);
        return silence + (err.isEmpty() ? "" : ": " + err.replace('\n', ' '));
    }
}
