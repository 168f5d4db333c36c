package dev.azid.benchmarks;

import dev.azid.emulator.EmulatorConfig;
import dev.azid.emulator.EntraEmulator;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/**
 * The whole-process benchmarks, azid next to com.azure:azure-identity, each client in its own child
 * JVMs against one {@link EntraEmulator} (HTTPS) running in this process: cold start to the first token
 * and classes loaded ({@link ColdStartRuns}), runtime classpath size ({@link ClasspathSize}), the
 * cold-cache stampede ({@link StampedeRuns}) and {@code DefaultAzureCredential} with nothing configured
 * ({@link FailThroughRuns}), then the shared cache's fleet benchmarks ({@link SharedCacheHarness}; with
 * {@code --only shared}, only those; with {@code --only hit}, only section h's shared-cache hit). Writes the raw samples as {@link Results}; {@link BenchmarkReport} renders
 * them. Run by {@code scripts/run-benchmarks.sh}:
 *
 * <pre>
 * java -cp azid-benchmarks/target/benchmarks.jar dev.azid.benchmarks.WholeProcessHarness \
 *     --azid-cp CP [--peer-cp CP] --harness-cp azid-benchmarks/target/classes --out results.properties \
 *     [--runs 10] [--callers 1000] [--stampede-runs 1] [--fail-runs 3] [--only shared|hit]
 *     [--redis-cp CP] [--msal-cp CP] [--fleet-sizes 16,32,64] [--fleet-timeout 240] [--hit-warmup 20000]
 *     [--hit-samples 2000] [--outage-processes 8] [--outage-kill 40] [--outage-restart 75] [--outage-end 125]
 * </pre>
 *
 * <p>{@code --peer-cp} is required unless {@code --only hit}.
 */
public final class WholeProcessHarness {

    private static final String SCOPE = "https://management.azure.com/.default";

    private WholeProcessHarness() {
    }

    /**
     * Entry point.
     *
     * @param args {@code --name value} pairs, see the class comment
     * @throws Exception if the emulator, a temporary directory or a child cannot be started
     */
    public static void main(String[] args) throws Exception {
        Map<String, String> o = options(args);
        String azidCp = required(o, "--azid-cp");
        Path out = Path.of(required(o, "--out"));
        int runs = Integer.parseInt(o.getOrDefault("--runs", "10"));
        int callers = Integer.parseInt(o.getOrDefault("--callers", "1000"));
        int stampedeRuns = Integer.parseInt(o.getOrDefault("--stampede-runs", "1"));
        int failRuns = Integer.parseInt(o.getOrDefault("--fail-runs", "3"));
        Duration childTimeout = Duration.ofSeconds(Long.parseLong(o.getOrDefault("--child-timeout", "60")));
        Duration stampedeTimeout = Duration.ofSeconds(Long.parseLong(o.getOrDefault("--stampede-timeout", "120")));
        Duration failTimeout = Duration.ofSeconds(Long.parseLong(o.getOrDefault("--fail-timeout", "90")));
        String only = o.get("--only");
        if (only != null && !only.equals("shared") && !only.equals("hit")) {
            throw new IllegalArgumentException("--only must be shared or hit, not " + only);
        }
        // Section h alone measures azid only.
        String peerCp = "hit".equals(only) ? o.getOrDefault("--peer-cp", "") : required(o, "--peer-cp");

        Results results = Results.empty();
        putClasspath(results, "azid", azidCp);
        if (!peerCp.isEmpty()) {
            putClasspath(results, "azure-identity", peerCp);
        }
        Path home = Files.createTempDirectory("azid-bench-home");
        Path emptyPath = Files.createTempDirectory("azid-bench-empty-path");
        try (EntraEmulator emulator = EntraEmulator.builder().start()) {
            ChildSettings settings = new ChildSettings(emulator.authorityHost().toString(),
                    EmulatorConfig.DEFAULT_TENANT_ID, EmulatorConfig.DEFAULT_CLIENT_ID,
                    EmulatorConfig.DEFAULT_CLIENT_SECRET, SCOPE);
            ChildLauncher launcher = new ChildLauncher(emulator.endpoints().trustStore(), emulator.endpoints().trustStorePassword(),
                    required(o, "--harness-cp"), home, emptyPath);
            if (only == null) {
                System.out.println("== cold start to first token (" + runs + " runs each, after one warm-up run)");
                new ColdStartRuns(launcher, emulator, settings, azidCp, peerCp).run(runs, childTimeout, results);
                results.write(out);
                System.out.println("== " + callers + " concurrent callers on a cold cache");
                new StampedeRuns(launcher, emulator, settings, azidCp, peerCp)
                        .run(callers, stampedeRuns, stampedeTimeout, results);
                results.write(out);
                System.out.println("== DefaultAzureCredential with nothing configured");
                new FailThroughRuns(launcher, azidCp, peerCp).run(failRuns, failTimeout, results);
                results.write(out);
            }
            new SharedCacheHarness(o, launcher, emulator, settings, azidCp, peerCp, required(o, "--harness-cp"), home,
                    emptyPath).run(results, out);
        } finally {
            results.write(out);
            deleteTree(emptyPath);
            deleteTree(home);
        }
        System.out.println("results written to " + out);
    }

    private static void putClasspath(Results results, String key, String classpath) {
        ClasspathSize size = ClasspathSize.of(classpath);
        results.put("classpath." + key + ".jars", size.jars().size());
        results.put("classpath." + key + ".bytes", size.bytes());
        results.put("classpath." + key + ".names", String.join(",", size.jars()));
    }

    private static Map<String, String> options(String[] args) {
        if (args.length % 2 != 0) {
            throw new IllegalArgumentException("expected --name value pairs");
        }
        Map<String, String> m = new HashMap<>();
        for (int i = 0; i < args.length; i += 2) {
            m.put(args[i], args[i + 1]);
        }
        return m;
    }

    private static String required(Map<String, String> options, String name) {
        String v = options.get(name);
        if (v == null) {
            throw new IllegalArgumentException(name + " is required");
        }
        return v;
    }

    private static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (var paths = Files.walk(dir)) {
            paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }
}
