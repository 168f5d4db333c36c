package dev.azid.benchmarks;

import dev.azid.ClientSecretCredential;
import dev.azid.SharedTokenCache;
import dev.azid.TokenRequestContext;
import java.util.Arrays;
import java.util.Locale;

/**
 * Child JVM for the shared-cache hit: one credential fetches the token (the only token request) and
 * puts it in the shared store the parent describes ({@link SharedStores}); then, many times, a fresh
 * credential over the same shared cache (its in-process cache cold) gets the token, which it reads
 * from the store. Times each of those {@code getToken} calls (building the credential is not timed)
 * and prints {@code hit n=.. p50=.. p90=.. p99=.. max=..} in microseconds.
 */
public final class SharedHitChild {

    /** The result line's prefix. */
    static final String RESULT = "hit ";

    private SharedHitChild() {
    }

    /**
     * Entry point.
     *
     * @param args the number of warm-up calls and of measured calls
     */
    public static void main(String[] args) {
        ChildSettings s = ChildSettings.fromEnvironment();
        SharedTokenCache shared = SharedStores.fromEnvironment();
        TokenRequestContext request = TokenRequestContext.of(s.scope());
        SharedStores.credential(s, shared).getToken(request);
        int warmUp = Integer.parseInt(args[0]);
        int n = Integer.parseInt(args[1]);
        double[] micros = new double[n];
        for (int i = -warmUp; i < n; i++) {
            ClientSecretCredential cold = SharedStores.credential(s, shared);
            long start = System.nanoTime();
            cold.getToken(request);
            long took = System.nanoTime() - start;
            if (i >= 0) {
                micros[i] = took / 1e3;
            }
        }
        Arrays.sort(micros);
        ChildOutput.printAndExit(String.format(Locale.ROOT, RESULT + "n=%d p50=%.1f p90=%.1f p99=%.1f max=%.1f", n,
                Samples.percentile(micros, 50), Samples.percentile(micros, 90), Samples.percentile(micros, 99),
                micros[n - 1]), 0);
    }
}
