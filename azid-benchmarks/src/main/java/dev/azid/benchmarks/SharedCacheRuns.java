package dev.azid.benchmarks;

import dev.azid.emulator.EntraEmulator;
import dev.azid.emulator.RecordedRequest;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * The shared cache's own benchmarks: the hit from the store for a process whose in-process cache is
 * cold ({@link SharedHitChild}, Redis on loopback and the file store), and a Redis outage in the middle
 * of a fleet's run ({@link OutageChild}, against an emulator issuing short-lived tokens).
 *
 * <p>Writes {@code hit.<store>.}{@code line|requests|error}, {@code hit.redisBenchmark} and {@code outage.}{@code processes|killAt|restartAt|
 * endAt|requests.before|requests.during|requests.after|calls|failed|maxMs|error}.
 */
final class SharedCacheRuns {

    private final byte[] key = new byte[32];

    SharedCacheRuns() {
        new SecureRandom().nextBytes(key);
    }

    /**
     * Shared-cache hit latency, one child per store.
     *
     * @param launcher starts the children
     * @param emulator the emulator (default token lifetime)
     * @param settings the token request
     * @param redis the Redis server, or null (Redis row left out)
     * @param azidCp azid's runtime classpath
     * @param redisCp azid-redis's runtime classpath, or null
     * @param warmUp discarded calls
     * @param samples measured calls
     * @param timeout per child
     * @param results where to write
     * @throws IOException if a child cannot be started
     * @throws InterruptedException if interrupted
     */
    void hits(ChildLauncher launcher, EntraEmulator emulator, ChildSettings settings, RedisProcess redis, String azidCp,
            String redisCp, int warmUp, int samples, Duration timeout, Results results)
            throws IOException, InterruptedException {
        results.put("hit.warmUp", warmUp);
        results.put("hit.samples", samples);
        List<String> stores = new ArrayList<>();
        if (redis != null && redisCp != null) {
            stores.add("redis");
            redis.benchmarkGet().ifPresent(floor -> results.put("hit.redisBenchmark", floor));
            System.out.println("redis-benchmark GET floor: " + results.get("hit.redisBenchmark", "not measured"));
        }
        stores.add("file");
        for (String store : stores) {
            Path dir = Files.createTempDirectory("azid-bench-hit");
            try {
                Map<String, String> env = settings.toEnvironment();
                env.putAll(store.equals("redis") ? SharedStores.redis(redis.port(), "hit" + System.nanoTime() + ":", key)
                        : SharedStores.file(dir, key));
                emulator.requestLog().clear();
                ChildJvm.Result r = launcher.run(store.equals("redis") ? redisCp : azidCp, SharedHitChild.class,
                        List.of(String.valueOf(warmUp), String.valueOf(samples)), env, timeout);
                results.put("hit." + store + ".requests", tokenRequests(emulator, settings.scope()));
                r.line(SharedHitChild.RESULT).ifPresentOrElse(l -> results.put("hit." + store + ".line", l.text()),
                        () -> results.put("hit." + store + ".error", r.describe()));
                System.out.printf("shared-cache hit %-6s %s%n", store,
                        r.line(SharedHitChild.RESULT).map(ChildJvm.Line::text).orElse("FAILED " + r.describe()));
            } finally {
                try (var paths = Files.walk(dir)) {
                    paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
                }
            }
        }
    }

    /**
     * The outage: {@code n} processes call {@code getToken} in a loop over the Redis store; Redis is
     * killed at {@code killAt} and started again at {@code restartAt}; the run ends at {@code endAt}
     * (seconds after the release).
     *
     * @param launcher starts the children (trusting {@code emulator})
     * @param emulator an emulator issuing short-lived tokens
     * @param settings the token request
     * @param redis the Redis server
     * @param redisCp azid-redis's runtime classpath
     * @param n processes
     * @param killAt seconds
     * @param restartAt seconds
     * @param endAt seconds
     * @param results where to write
     * @throws IOException if a child cannot be started
     * @throws InterruptedException if interrupted
     */
    void outage(ChildLauncher launcher, EntraEmulator emulator, ChildSettings settings, RedisProcess redis, String redisCp,
            int n, int killAt, int restartAt, int endAt, Results results) throws IOException, InterruptedException {
        results.put("outage.processes", n);
        results.put("outage.killAt", killAt);
        results.put("outage.restartAt", restartAt);
        results.put("outage.endAt", endAt);
        results.put("outage.tokenLifetime", emulator.config().tokenLifetimeSeconds());
        Map<String, String> env = settings.toEnvironment();
        env.putAll(SharedStores.redis(redis.port(), "outage" + System.nanoTime() + ":", key));
        List<Process> processes = new ArrayList<>();
        List<BlockingQueue<String>> outputs = new ArrayList<>();
        try {
            for (int i = 0; i < n; i++) {
                ProcessBuilder pb = new ProcessBuilder(launcher.command(redisCp, FleetRuns.JVM_OPTIONS, OutageChild.class,
                        List.of()));
                pb.environment().clear();
                pb.environment().putAll(launcher.environment(env));
                pb.redirectError(ProcessBuilder.Redirect.DISCARD);
                Process p = pb.start();
                processes.add(p);
                BlockingQueue<String> out = new LinkedBlockingQueue<>();
                outputs.add(out);
                Thread t = new Thread(() -> read(p, out), "outage-stdout-" + i);
                t.setDaemon(true);
                t.start();
            }
            for (BlockingQueue<String> out : outputs) {
                String line = out.poll(120, TimeUnit.SECONDS);
                if (!FleetChild.READY.equals(line)) {
                    results.put("outage.error", "a child was not ready within 120 s: " + line);
                    return;
                }
            }
            emulator.requestLog().clear();
            long release = System.nanoTime();
            writeAll(processes, FleetChild.GO_LINE);
            sleepUntil(release, killAt);
            int before = tokenRequests(emulator, settings.scope());
            redis.kill();
            System.out.printf("outage: redis-server killed at %d s (%d token requests so far)%n", killAt, before);
            sleepUntil(release, restartAt);
            int during = tokenRequests(emulator, settings.scope()) - before;
            redis.restart();
            System.out.printf("outage: redis-server restarted at %d s (%d token requests while it was down)%n", restartAt,
                    during);
            sleepUntil(release, endAt);
            int after = tokenRequests(emulator, settings.scope()) - before - during;
            writeAll(processes, "stop\n".getBytes(StandardCharsets.US_ASCII));
            long calls = 0;
            long failed = 0;
            double maxMs = 0;
            for (BlockingQueue<String> out : outputs) {
                String line = out.poll(30, TimeUnit.SECONDS);
                if (line == null || !line.startsWith(OutageChild.RESULT)) {
                    results.put("outage.error", "a child did not report: " + line);
                    continue;
                }
                Map<String, String> f = fields(line.substring(OutageChild.RESULT.length()));
                calls += Long.parseLong(f.get("calls"));
                failed += Long.parseLong(f.get("failed"));
                maxMs = Math.max(maxMs, Double.parseDouble(f.get("maxMs")));
                if (!f.getOrDefault("firstError", "").isEmpty()) {
                    results.put("outage.firstError", f.get("firstError").replace('_', ' '));
                }
            }
            results.put("outage.requests.before", before);
            results.put("outage.requests.during", during);
            results.put("outage.requests.after", after);
            results.put("outage.calls", calls);
            results.put("outage.failed", failed);
            results.put("outage.maxMs", maxMs);
            System.out.printf("outage: token requests %d before, %d during, %d after; %d calls, %d failed, slowest %.1f ms%n",
                    before, during, after, calls, failed, maxMs);
        } finally {
            for (Process p : processes) {
                p.destroyForcibly();
            }
        }
    }

    private static void writeAll(List<Process> processes, byte[] line) throws IOException {
        for (Process p : processes) {
            OutputStream in = p.getOutputStream();
            in.write(line);
            in.flush();
        }
    }

    private static void sleepUntil(long startNanos, int seconds) throws InterruptedException {
        long left = startNanos + TimeUnit.SECONDS.toNanos(seconds) - System.nanoTime();
        if (left > 0) {
            TimeUnit.NANOSECONDS.sleep(left);
        }
    }

    private static void read(Process p, BlockingQueue<String> out) {
        try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
            for (String s = r.readLine(); s != null; s = r.readLine()) {
                if (s.startsWith(FleetChild.PREFIX)) {
                    out.add(s);
                }
            }
        } catch (IOException e) {
            // Killed; what was read is kept.
        }
    }

    /** {@code a=1 b=2} into a map. */
    static Map<String, String> fields(String text) {
        Map<String, String> m = new java.util.HashMap<>();
        for (String part : text.split(" ")) {
            int eq = part.indexOf('=');
            if (eq > 0) {
                m.put(part.substring(0, eq), part.substring(eq + 1));
            }
        }
        return m;
    }

    /**
     * @param emulator the emulator
     * @param scope the scope
     * @return the token requests for the scope in its log
     */
    static int tokenRequests(EntraEmulator emulator, String scope) {
        int count = 0;
        for (RecordedRequest r : emulator.requestLog().all()) {
            if (r.path().endsWith("/oauth2/v2.0/token") && r.form().getOrDefault("scope", "").contains(scope)) {
                count++;
            }
        }
        return count;
    }
}
