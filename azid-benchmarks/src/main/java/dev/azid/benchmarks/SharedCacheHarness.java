package dev.azid.benchmarks;

import dev.azid.emulator.EmulatorConfig;
import dev.azid.emulator.EntraEmulator;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The shared-cache part of {@link WholeProcessHarness}: starts a {@code redis-server} ({@link RedisProcess};
 * without one, the Redis rows are left out and {@code redis.error} says why), then fleet cold start
 * ({@link FleetRuns}), the shared-cache hit and the Redis outage ({@link SharedCacheRuns}, the outage
 * against a second emulator issuing tokens of 60 s, its minimum). With {@code --only hit}, only the
 * shared-cache hit.
 */
final class SharedCacheHarness {

    private final Map<String, String> o;
    private final ChildLauncher launcher;
    private final EntraEmulator emulator;
    private final ChildSettings settings;
    private final Map<String, String> classpaths = new HashMap<>();
    private final String harnessCp;
    private final Path home;
    private final Path emptyPath;

    /**
     * @param options the harness's {@code --name value} options
     * @param launcher starts children trusting {@code emulator}
     * @param emulator the emulator (default token lifetime)
     * @param settings the token request
     * @param azidCp azid's runtime classpath
     * @param peerCp azure-identity's runtime classpath
     * @param harnessCp the harness classes
     * @param home the children's HOME
     * @param emptyPath the children's PATH
     */
    SharedCacheHarness(Map<String, String> options, ChildLauncher launcher, EntraEmulator emulator,
            ChildSettings settings, String azidCp, String peerCp, String harnessCp, Path home, Path emptyPath) {
        this.o = options;
        this.launcher = launcher;
        this.emulator = emulator;
        this.settings = settings;
        this.harnessCp = harnessCp;
        this.home = home;
        this.emptyPath = emptyPath;
        classpaths.put("azid", azidCp);
        classpaths.put("azure-identity", peerCp);
        if (o.get("--redis-cp") != null) {
            classpaths.put("azid-redis", o.get("--redis-cp"));
        }
        if (o.get("--msal-cp") != null) {
            classpaths.put("msal4j", o.get("--msal-cp"));
        }
    }

    /**
     * Runs the three benchmarks, writing the results after each.
     *
     * @param results where to put them
     * @param out the results file
     * @throws IOException if a child cannot be started or the file written
     * @throws InterruptedException if interrupted
     */
    void run(Results results, Path out) throws IOException, InterruptedException {
        for (String k : List.of("azid-redis", "msal4j")) {
            if (classpaths.containsKey(k)) {
                ClasspathSize size = ClasspathSize.of(classpaths.get(k));
                results.put("classpath." + k + ".names", String.join(",", size.jars()));
            }
        }
        RedisProcess redis = null;
        try {
            redis = RedisProcess.start();
        } catch (IOException e) {
            results.put("redis.error", e.getMessage());
            System.out.println("redis-server not started, Redis rows left out: " + e.getMessage());
        }
        boolean hitOnly = "hit".equals(o.get("--only"));
        try {
            List<Integer> sizes = Arrays.stream(o.getOrDefault("--fleet-sizes", "16,32,64").split(","))
                    .map(String::trim).map(Integer::valueOf).toList();
            Duration fleetTimeout = Duration.ofSeconds(Long.parseLong(o.getOrDefault("--fleet-timeout", "240")));
            if (!hitOnly) {
                System.out.println("== fleet cold start, " + sizes + " JVMs released together");
                new FleetRuns(launcher, emulator, settings, redis, classpaths).run(sizes, fleetTimeout, results);
                results.write(out);
            }
            SharedCacheRuns shared = new SharedCacheRuns();
            System.out.println("== shared-cache hit, in-process cache cold");
            shared.hits(launcher, emulator, settings, redis, classpaths.get("azid"), classpaths.get("azid-redis"),
                    Integer.parseInt(o.getOrDefault("--hit-warmup", "20000")),
                    Integer.parseInt(o.getOrDefault("--hit-samples", "2000")), Duration.ofSeconds(120), results);
            results.write(out);
            if (hitOnly) {
                return;
            }
            if (redis == null || !classpaths.containsKey("azid-redis")) {
                results.put("outage.error", redis == null ? "no redis-server" : "no azid-redis classpath");
                return;
            }
            System.out.println("== Redis outage mid-run");
            EmulatorConfig shortLived = EmulatorConfig.defaults().toBuilder().tokenLifetimeSeconds(60).build();
            try (EntraEmulator outageEmulator = EntraEmulator.builder().config(shortLived).start()) {
                ChildLauncher outageLauncher = new ChildLauncher(outageEmulator.endpoints().trustStore(),
                        outageEmulator.endpoints().trustStorePassword(), harnessCp, home, emptyPath);
                ChildSettings outageSettings = new ChildSettings(outageEmulator.authorityHost().toString(),
                        settings.tenantId(), settings.clientId(), settings.clientSecret(), settings.scope());
                shared.outage(outageLauncher, outageEmulator, outageSettings, redis, classpaths.get("azid-redis"),
                        Integer.parseInt(o.getOrDefault("--outage-processes", "8")),
                        Integer.parseInt(o.getOrDefault("--outage-kill", "40")),
                        Integer.parseInt(o.getOrDefault("--outage-restart", "75")),
                        Integer.parseInt(o.getOrDefault("--outage-end", "125")), results);
            }
        } finally {
            results.write(out);
            if (redis != null) {
                redis.close();
            }
        }
    }
}
