package dev.azid.benchmarks;

import dev.azid.emulator.EntraEmulator;
import dev.azid.emulator.RecordedRequest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Fleet cold start: for each fleet size, N child JVMs per client ({@link FleetChildren}) released
 * together against the one emulator, side by side: azid with a {@code FileSharedTokenStore}, azid with
 * the Redis store, azure-identity (its per-process cache) and MSAL4J with a Redis cache-access aspect.
 * Token requests for the scope are counted in the emulator's request log.
 *
 * <p>Writes {@code fleet.sizes}, {@code fleet.clients}, {@code fleet.jvmOptions}, {@code fleet.timeoutSeconds}
 * and, per client key and size {@code fleet.<client>.<n>.}: {@code requests}, {@code ms} (samples: release
 * to each child's token), {@code ready}, {@code readyMs}, {@code failed}, {@code timedOut}, {@code error},
 * {@code skipped}. A client whose fleet timed out is not run at larger sizes.
 */
final class FleetRuns {

    /** The children's JVM options: small heap, C1 only, CDS when available, one GC thread. */
    static final List<String> JVM_OPTIONS = List.of("-Xmx64m", "-XX:TieredStopAtLevel=1", "-Xshare:auto",
            "-XX:+UseSerialGC");

    /** One client of the comparison. */
    private record Client(String key, String classpath, Class<?> main, boolean redis, boolean fileStore) {
    }

    private final ChildLauncher launcher;
    private final EntraEmulator emulator;
    private final ChildSettings settings;
    private final RedisProcess redis;
    private final List<Client> clients = new ArrayList<>();
    private final byte[] key = new byte[32];

    /**
     * @param launcher starts the children
     * @param emulator the running emulator
     * @param settings the token request
     * @param redis the Redis server, or null when none could be started (Redis clients are left out)
     * @param classpaths runtime classpath per library key: {@code azid}, {@code azid-redis} (may be
     *     absent), {@code azure-identity}, {@code msal4j}
     */
    FleetRuns(ChildLauncher launcher, EntraEmulator emulator, ChildSettings settings, RedisProcess redis,
            Map<String, String> classpaths) {
        this.launcher = launcher;
        this.emulator = emulator;
        this.settings = settings;
        this.redis = redis;
        new SecureRandom().nextBytes(key);
        clients.add(new Client("azid-file", classpaths.get("azid"), FleetChildAzid.class, false, true));
        if (redis != null && classpaths.containsKey("azid-redis")) {
            clients.add(new Client("azid-redis", classpaths.get("azid-redis"), FleetChildAzid.class, true, false));
        }
        clients.add(new Client("azure-identity", classpaths.get("azure-identity"), FleetChildAzureIdentity.class,
                false, false));
        if (redis != null && classpaths.containsKey("msal4j")) {
            clients.add(new Client("msal4j-redis", classpaths.get("msal4j"), FleetChildMsal.class, true, false));
        }
    }

    /**
     * Runs every client at every size, sizes ascending, the clients one after another at each size.
     *
     * @param sizes the fleet sizes
     * @param timeout how long a fleet may take to be ready, and again after the release
     * @param results where to write
     * @throws IOException if a child or a directory cannot be made
     * @throws InterruptedException if interrupted
     */
    void run(List<Integer> sizes, Duration timeout, Results results) throws IOException, InterruptedException {
        results.put("fleet.sizes", String.join(",", sizes.stream().map(String::valueOf).toList()));
        results.put("fleet.clients", String.join(",", clients.stream().map(Client::key).toList()));
        results.put("fleet.jvmOptions", String.join(" ", JVM_OPTIONS));
        results.put("fleet.timeoutSeconds", timeout.toSeconds());
        Map<String, Boolean> gaveUp = new LinkedHashMap<>();
        int run = 0;
        for (int n : sizes) {
            for (Client c : clients) {
                String k = "fleet." + c.key() + "." + n;
                if (gaveUp.getOrDefault(c.key(), false)) {
                    results.put(k + ".skipped", "an earlier fleet of this client timed out");
                    System.out.printf("fleet %-15s %3d skipped: an earlier fleet timed out%n", c.key(), n);
                    continue;
                }
                Path dir = Files.createTempDirectory("azid-bench-fleet-store");
                try {
                    Map<String, String> env = new LinkedHashMap<>(settings.toEnvironment());
                    String prefix = "bench" + (++run) + "-" + System.nanoTime() + ":";
                    if (c.fileStore()) {
                        env.putAll(SharedStores.file(dir, key));
                    } else if (c.redis()) {
                        env.putAll(SharedStores.redis(redis.port(), prefix, key));
                    }
                    emulator.requestLog().clear();
                    FleetChildren.Outcome o = FleetChildren.run(launcher, c.classpath(), JVM_OPTIONS, c.main(), env,
                            n, timeout, timeout);
                    int requests = tokenRequests();
                    double[] ms = o.tokenMillis().stream().mapToDouble(Double::doubleValue).toArray();
                    results.put(k + ".requests", requests);
                    results.putSamples(k + ".ms", o.tokenMillis());
                    results.put(k + ".ready", o.ready());
                    results.put(k + ".readyMs", o.readyMillis());
                    results.put(k + ".failed", o.failed());
                    results.put(k + ".timedOut", o.timedOut());
                    if (!o.firstError().isEmpty()) {
                        results.put(k + ".error", o.firstError());
                    }
                    if (o.timedOut() > 0 || o.ready() < n) {
                        gaveUp.put(c.key(), true);
                    }
                    System.out.printf("fleet %-15s %3d: %d token requests, %d tokens, p50 %s, max %s, ready after %d ms,"
                            + " %d failed, %d timed out%s%n", c.key(), n, requests, ms.length,
                            Markdown.millis(Samples.median(ms)), Markdown.millis(Samples.max(ms)), o.readyMillis(),
                            o.failed(), o.timedOut(), o.firstError().isEmpty() ? "" : " (" + o.firstError() + ")");
                } finally {
                    deleteTree(dir);
                }
            }
        }
    }

    /** Token requests for the scope under test. */
    private int tokenRequests() {
        int count = 0;
        for (RecordedRequest r : emulator.requestLog().all()) {
            if (r.path().endsWith("/oauth2/v2.0/token") && r.form().getOrDefault("scope", "").contains(settings.scope())) {
                count++;
            }
        }
        return count;
    }

    private static void deleteTree(Path dir) throws IOException {
        try (var paths = Files.walk(dir)) {
            paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }
}
