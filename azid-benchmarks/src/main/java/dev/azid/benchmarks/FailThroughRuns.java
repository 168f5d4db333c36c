package dev.azid.benchmarks;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code DefaultAzureCredential} with nothing configured, in a child JVM per run
 * ({@link FailThroughAzid}, {@link FailThroughAzureIdentity}), with IMDS
 * ({@code AZURE_POD_IDENTITY_AUTHORITY_HOST}, which both libraries honour) at a closed port and at a
 * {@link SilentPort}.
 *
 * <p>Writes, per {@code <key>} = library and {@code <case>} = {@code closed} or {@code silent}:
 * {@code failthrough.<key>.<case>.ms} (the child's own clock, from building the credential to the final
 * error), {@code .wallMs} (the parent's clock, whole process), {@code .timedOut} (runs killed at the
 * timeout) and {@code .error} (the final error of the last run).
 */
final class FailThroughRuns {

    private static final String IMDS_OVERRIDE = "AZURE_POD_IDENTITY_AUTHORITY_HOST";

    private final ChildLauncher launcher;
    private final Map<String, Class<?>> mains = new LinkedHashMap<>();
    private final Map<String, String> classpaths = new HashMap<>();

    /**
     * @param launcher starts the children
     * @param azidClasspath azid's runtime classpath
     * @param peerClasspath azure-identity's runtime classpath
     */
    FailThroughRuns(ChildLauncher launcher, String azidClasspath, String peerClasspath) {
        this.launcher = launcher;
        mains.put("azid", FailThroughAzid.class);
        mains.put("azure-identity", FailThroughAzureIdentity.class);
        classpaths.put("azid", azidClasspath);
        classpaths.put("azure-identity", peerClasspath);
    }

    /**
     * Runs both cases for both libraries, {@code runs} times each, alternating libraries.
     *
     * @param runs runs per library and case
     * @param timeout limit per child
     * @param results where to write
     * @throws IOException if a socket or child cannot be opened
     * @throws InterruptedException if interrupted
     */
    void run(int runs, Duration timeout, Results results) throws IOException, InterruptedException {
        results.put("failthrough.runs", runs);
        results.put("failthrough.timeoutSeconds", timeout.toSeconds());
        for (int round = 0; round < runs; round++) {
            for (String key : mains.keySet()) {
                once(key, "closed", SilentPort.closedPort(), timeout, results);
            }
        }
        try (SilentPort silent = new SilentPort()) {
            for (int round = 0; round < runs; round++) {
                for (String key : mains.keySet()) {
                    once(key, "silent", silent.port(), timeout, results);
                }
            }
        }
    }

    /** Runs one child, unless an earlier run of the same library and case hit the timeout. */
    private void once(String key, String kase, int port, Duration timeout, Results results)
            throws IOException, InterruptedException {
        String k = "failthrough." + key + "." + kase;
        if (results.count(k + ".timedOut") > 0) {
            System.out.printf("fail-through %-15s %-6s skipped: an earlier run hit the timeout%n", key, kase);
            return;
        }
        ChildJvm.Result r = launcher.run(classpaths.get(key), mains.get(key), List.of(),
                Map.of(IMDS_OVERRIDE, "http://127.0.0.1:" + port), timeout);
        Optional<ChildJvm.Line> line = r.line(FailThroughResult.PREFIX);
        if (line.isEmpty()) {
            results.put(k + ".timedOut", results.count(k + ".timedOut") + (r.timedOut() ? 1 : 0));
            results.put(k + ".error", r.timedOut() ? "no final error within " + timeout.toSeconds() + " s"
                    : r.describe());
            System.out.printf("fail-through %-15s %-6s FAILED %s%n", key, kase, r.describe());
            return;
        }
        String text = line.get().text();
        append(results, k + ".ms", FailThroughResult.millis(text));
        append(results, k + ".wallMs", r.wallNanos() / 1e6);
        results.put(k + ".error", FailThroughResult.error(text));
        System.out.printf("fail-through %-15s %-6s %.0f ms to the final error (%.0f ms whole process): %s%n", key,
                kase, FailThroughResult.millis(text), r.wallNanos() / 1e6, FailThroughResult.error(text));
    }

    private static void append(Results results, String key, double value) {
        List<Double> values = new ArrayList<>();
        for (double v : results.samples(key)) {
            values.add(v);
        }
        values.add(value);
        results.putSamples(key, values);
    }
}
