package dev.azid.benchmarks;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/** Percentiles (nearest rank) of a handful of measurements, and their text form in the results file. */
final class Samples {

    private Samples() {
    }

    /**
     * The nearest-rank percentile: the smallest value with at least {@code p}% of the values at or below it.
     *
     * @param values the values (not changed)
     * @param p the percentile, 0 to 100
     * @return the value, or NaN if there are none
     */
    static double percentile(double[] values, double p) {
        if (values.length == 0) {
            return Double.NaN;
        }
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int rank = (int) Math.ceil(p / 100.0 * sorted.length);
        return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))];
    }

    /**
     * @param values the values
     * @return the median (nearest rank)
     */
    static double median(double[] values) {
        return percentile(values, 50);
    }

    /**
     * @param values the values
     * @return the largest value, or NaN
     */
    static double max(double[] values) {
        return Arrays.stream(values).max().orElse(Double.NaN);
    }

    /**
     * @param values the values
     * @return them comma-separated, one decimal
     */
    static String join(List<Double> values) {
        return values.stream().map(v -> String.format(Locale.ROOT, "%.1f", v)).collect(Collectors.joining(","));
    }

    /**
     * @param text a {@link #join} result, possibly empty or null
     * @return the values
     */
    static double[] parse(String text) {
        if (text == null || text.isBlank()) {
            return new double[0];
        }
        return Arrays.stream(text.split(",")).mapToDouble(Double::parseDouble).toArray();
    }
}
