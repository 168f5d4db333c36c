package dev.azid.benchmarks;

import dev.azid.emulator.EntraEmulator;
import dev.azid.emulator.RecordedRequest;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The cold-cache stampede: {@code callers} threads released at once on a fresh credential, in a child
 * JVM per library ({@link StampedeAzid}, {@link StampedeAzureIdentity}); the token requests for the
 * scope under test are counted in the emulator's request log.
 *
 * <p>Writes, per library key: {@code stampede.<key>.requests} and {@code .ms} (samples),
 * {@code .succeeded}, {@code .failed}, {@code .timedOut} (totals over the runs; after a timeout that
 * library is not run again, to bound the run time), {@code .error} and {@code .stuck} (where the threads
 * waited when a stampede timed out).
 */
final class StampedeRuns {

    private final ChildLauncher launcher;
    private final EntraEmulator emulator;
    private final ChildSettings settings;
    private final Map<String, Class<?>> mains = new java.util.LinkedHashMap<>();
    private final Map<String, String> classpaths = new HashMap<>();

    /**
     * @param launcher starts the children
     * @param emulator the running emulator
     * @param settings the token request (its scope is the one under test)
     * @param azidClasspath azid's runtime classpath
     * @param peerClasspath azure-identity's runtime classpath
     */
    StampedeRuns(ChildLauncher launcher, EntraEmulator emulator, ChildSettings settings, String azidClasspath,
            String peerClasspath) {
        this.launcher = launcher;
        this.emulator = emulator;
        this.settings = settings;
        mains.put("azid", StampedeAzid.class);
        mains.put("azure-identity", StampedeAzureIdentity.class);
        classpaths.put("azid", azidClasspath);
        classpaths.put("azure-identity", peerClasspath);
    }

    /**
     * Runs each library {@code runs} times, alternating.
     *
     * @param callers threads per stampede
     * @param runs stampedes per library
     * @param timeout how long a stampede may take, after the release
     * @param results where to write
     * @throws IOException if a child cannot be started
     * @throws InterruptedException if interrupted
     */
    void run(int callers, int runs, Duration timeout, Results results) throws IOException, InterruptedException {
        results.put("stampede.callers", callers);
        results.put("stampede.runs", runs);
        results.put("stampede.timeoutSeconds", timeout.toSeconds());
        for (String key : mains.keySet()) {
            results.put("stampede." + key + ".succeeded", 0);
            results.put("stampede." + key + ".failed", 0);
            results.put("stampede." + key + ".timedOut", 0);
        }
        Map<String, List<Double>> requests = new HashMap<>();
        Map<String, List<Double>> ms = new HashMap<>();
        for (int round = 0; round < runs; round++) {
            for (Map.Entry<String, Class<?>> e : mains.entrySet()) {
                String key = e.getKey();
                String k = "stampede." + key;
                if (!"0".equals(results.get(k + ".timedOut"))) {
                    System.out.printf("stampede %-15s skipped: an earlier run hit the timeout%n", key);
                    continue;
                }
                emulator.requestLog().clear();
                ChildJvm.Result r = launcher.run(classpaths.get(key), e.getValue(),
                        List.of(String.valueOf(callers), String.valueOf(timeout.toSeconds())),
                        settings.toEnvironment(), timeout.plusSeconds(90));
                int tokenRequests = countTokenRequests();
                Optional<ChildJvm.Line> line = r.line(Stampede.RESULT);
                if (line.isEmpty()) {
                    add(results, k + ".timedOut", 1);
                    results.put(k + ".error", r.describe());
                    System.out.printf("stampede %-15s FAILED %s (%d token requests)%n", key, r.describe(),
                            tokenRequests);
                    continue;
                }
                Map<String, String> f = fields(line.get().text());
                requests.computeIfAbsent(key, x -> new ArrayList<>()).add((double) tokenRequests);
                ms.computeIfAbsent(key, x -> new ArrayList<>()).add(Double.parseDouble(f.get("elapsedMs")));
                add(results, k + ".succeeded", Integer.parseInt(f.get("succeeded")));
                add(results, k + ".failed", Integer.parseInt(f.get("failed")));
                add(results, k + ".timedOut", Boolean.parseBoolean(f.get("timedOut")) ? 1 : 0);
                if (!f.getOrDefault("firstError", "").isEmpty()) {
                    results.put(k + ".error", f.get("firstError").replace('_', ' '));
                }
                if (!f.getOrDefault("stuck", "").isEmpty()) {
                    results.put(k + ".stuck", f.get("stuck"));
                }
                System.out.printf("stampede %-15s %s, %d token requests%n", key, line.get().text(), tokenRequests);
            }
        }
        for (String key : mains.keySet()) {
            results.putSamples("stampede." + key + ".requests", requests.getOrDefault(key, List.of()));
            results.putSamples("stampede." + key + ".ms", ms.getOrDefault(key, List.of()));
        }
    }

    /** Token requests for the scope under test (the warm-up asked for another scope). */
    private int countTokenRequests() {
        int n = 0;
        for (RecordedRequest r : emulator.requestLog().all()) {
            if (r.path().endsWith("/oauth2/v2.0/token") && r.form().getOrDefault("scope", "").contains(
                    settings.scope())) {
                n++;
            }
        }
        return n;
    }

    private static void add(Results results, String key, int delta) {
        results.put(key, results.count(key) + delta);
    }

    private static Map<String, String> fields(String line) {
        Map<String, String> m = new HashMap<>();
        for (String part : line.substring(Stampede.RESULT.length()).split(" ")) {
            int eq = part.indexOf('=');
            if (eq > 0) {
                m.put(part.substring(0, eq), part.substring(eq + 1));
            }
        }
        return m;
    }
}
