package dev.azid.benchmarks;

import dev.azid.emulator.EntraEmulator;

/** Confirms that a cached-path benchmark measured the cache: the emulator saw only the set-up's token requests. */
final class CacheCheck {

    /** How the warning line starts, for scripts/run-benchmarks.sh to find it in JMH's output. */
    static final String WARNING = "CACHE-CHECK WARNING: ";

    private CacheCheck() {
    }

    /**
     * Prints a warning on standard error (which JMH shows) if the emulator saw more token requests than
     * the set-up made.
     *
     * @param emulator the emulator
     * @param benchmark the benchmark's full name
     * @param expected the token requests the set-up made
     */
    static void expectTokenRequests(EntraEmulator emulator, String benchmark, int expected) {
        int n = emulator.requestLog().count("/oauth2/v2.0/token$");
        if (n != expected) {
            System.err.println(WARNING + benchmark + ": the emulator saw " + n + " token requests, expected "
                    + expected + " (set-up): the measured calls were not all cache hits");
        }
    }
}
