package dev.azid.benchmarks;

import java.util.Locale;

/**
 * What every report section reads: the raw results and the conditions of the run.
 *
 * @param results the whole-process results
 * @param avgt JMH average-time results (ns/op, with {@code -prof gc} rows)
 * @param thrpt JMH throughput results (ops/s)
 * @param quick whether this was a quick (smoke) run
 * @param loadBefore load averages when the run started
 * @param loadAfter load averages when the report was written
 * @param cacheWarnings the {@link CacheCheck} warnings JMH printed, one a line, or empty
 * @param sharedAvgt JMH average-time results of {@link AzidSharedCacheHitBenchmark} (with {@code -prof gc})
 */
record ReportContext(Results results, JmhCsv avgt, JmhCsv thrpt, boolean quick, String loadBefore,
        String loadAfter, String cacheWarnings, JmhCsv sharedAvgt) {

    /** Writes load averages given as {@code "0.5 0.4 0.3"} like {@link MachineInfo#loadAverage()}. */
    ReportContext {
        loadBefore = loadBefore.trim().replaceAll("\\s+", " / ");
    }

    /**
     * The run's conditions that bear on any miss: quick mode, and a busy machine.
     *
     * @return a sentence, possibly empty
     */
    String conditions() {
        StringBuilder sb = new StringBuilder();
        if (quick) {
            sb.append("Quick mode: tiny iteration and run counts, not conclusive. ");
        }
        double load = Math.max(firstLoad(loadBefore), firstLoad(loadAfter));
        int cpus = MachineInfo.processors();
        if (load > cpus * 0.5) {
            sb.append(String.format(Locale.ROOT, "The machine was busy (1-minute load average up to %.1f on %d CPUs), "
                    + "so timings are inflated and noisy. ", load, cpus));
        }
        return sb.toString().trim();
    }

    private static double firstLoad(String loads) {
        try {
            return Double.parseDouble(loads.trim().split("[\\s/]+")[0]);
        } catch (RuntimeException e) {
            return 0;
        }
    }
}
