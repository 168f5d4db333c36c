package dev.azid.benchmarks;

import dev.azid.ClientSecretCredential;
import dev.azid.SharedTokenCache;
import dev.azid.TokenRequestContext;
import java.io.IOException;
import java.lang.management.CompilationMXBean;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.util.Locale;

/**
 * Child JVM for the shared-cache hit: one credential fetches the token (the only token request) and
 * puts it in the shared store the parent describes ({@link SharedStores}); then, many times, a fresh
 * credential over the same shared cache (its in-process cache cold) gets the token, which it reads
 * from the store. Times each of those {@code getToken} calls (building the credential is not timed).
 *
 * <p>Warm-up: at least the given number of calls, then on until the JIT compiler has compiled nothing
 * for {@value #QUIET_CALLS} calls in a row (at most five times the given number), so that the measured
 * calls run compiled code. With Redis, each call is preceded by a bare {@code GET} of the same entry on
 * a plain socket ({@link RespFloor}), timed too: the loopback floor under the same conditions. Prints
 * {@code hit n=.. p50=.. p90=.. p99=.. max=..} in microseconds, then {@code warmUp=} (calls made),
 * {@code quiet=} (whether the JIT went quiet), and, over the measured calls only, {@code gcs=},
 * {@code gcMs=} (collections and their time) and {@code jitMs=} (compilation time), and with Redis
 * {@code floorP50= floorP90= floorP99= floorMax=}. No sample is left out.
 */
public final class SharedHitChild {

    /** The result line's prefix. */
    static final String RESULT = "hit ";
    private static final int QUIET_CALLS = 2_000;

    private SharedHitChild() {
    }

    /**
     * Entry point.
     *
     * @param args the least number of warm-up calls and the number of measured calls
     * @throws IOException if the bare {@code GET} fails
     */
    public static void main(String[] args) throws IOException {
        ChildSettings s = ChildSettings.fromEnvironment();
        SharedTokenCache shared = SharedStores.fromEnvironment();
        TokenRequestContext request = TokenRequestContext.of(s.scope());
        SharedStores.credential(s, shared).getToken(request);
        int minWarmUp = Integer.parseInt(args[0]);
        int n = Integer.parseInt(args[1]);
        CompilationMXBean jit = ManagementFactory.getCompilationMXBean();
        try (RespFloor floor = SharedStores.redisFloor()) {
            int warmUp = 0;
            long jitSeen = jit.getTotalCompilationTime();
            int quietFor = 0;
            while (warmUp < minWarmUp || quietFor < QUIET_CALLS && warmUp < 5 * minWarmUp) {
                call(s, shared, request, floor);
                warmUp++;
                long now = jit.getTotalCompilationTime();
                quietFor = now == jitSeen ? quietFor + 1 : 0;
                jitSeen = now;
            }
            double[] micros = new double[n];
            double[] floorMicros = new double[floor == null ? 0 : n];
            long gcs = -collections();
            long gcMillis = -collectionMillis();
            long jitMillis = -jit.getTotalCompilationTime();
            for (int i = 0; i < n; i++) {
                long[] took = call(s, shared, request, floor);
                micros[i] = took[0] / 1e3;
                if (floor != null) {
                    floorMicros[i] = took[1] / 1e3;
                }
            }
            gcs += collections();
            gcMillis += collectionMillis();
            jitMillis += jit.getTotalCompilationTime();
            String line = RESULT + "n=" + n + " " + percentiles(new String[] {"p50", "p90", "p99", "max"}, micros)
                    + String.format(Locale.ROOT, " warmUp=%d quiet=%b gcs=%d gcMs=%d jitMs=%d", warmUp,
                            quietFor >= QUIET_CALLS, gcs, gcMillis, jitMillis)
                    + (floor == null ? "" : " " + percentiles(new String[] {"floorP50", "floorP90", "floorP99", "floorMax"},
                            floorMicros));
            ChildOutput.printAndExit(line, 0);
        }
    }

    /** One bare GET (with Redis), then one measured call; returns both durations in nanoseconds. */
    private static long[] call(ChildSettings s, SharedTokenCache shared, TokenRequestContext request, RespFloor floor)
            throws IOException {
        long bare = floor == null ? 0 : floor.timeGet();
        ClientSecretCredential cold = SharedStores.credential(s, shared);
        long start = System.nanoTime();
        cold.getToken(request);
        return new long[] {System.nanoTime() - start, bare};
    }

    /** {@code <p50><sep><p90><sep><p99><sep><max>} after the given names, in microseconds. */
    private static String percentiles(String[] names, double[] values) {
        double[] v = {Samples.percentile(values, 50), Samples.percentile(values, 90), Samples.percentile(values, 99),
            Samples.max(values)};
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < names.length; i++) {
            b.append(i == 0 ? "" : " ").append(names[i]).append('=').append(String.format(Locale.ROOT, "%.1f", v[i]));
        }
        return b.toString();
    }

    private static long collections() {
        long sum = 0;
        for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
            sum += Math.max(0, gc.getCollectionCount());
        }
        return sum;
    }

    private static long collectionMillis() {
        long sum = 0;
        for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
            sum += Math.max(0, gc.getCollectionTime());
        }
        return sum;
    }
}
