package dev.azid.test.gen;

import java.util.Map;
import java.util.TreeMap;

/**
 * Counts how often each outcome of a property occurred, so a property can require that it really
 * exercised each branch (a property whose every try was refused proves nothing about acceptance).
 */
public final class Coverage {

    private final Map<String, Integer> counts = new TreeMap<>();
    private int total;

    /** @param label the outcome of one try */
    public synchronized void collect(String label) {
        counts.merge(label, 1, Integer::sum);
        total++;
    }

    /**
     * Fails unless the outcome occurred in at least this share of the tries.
     *
     * @param label the outcome
     * @param percent the minimum share, 0 to 100
     */
    public synchronized void requireAtLeast(String label, double percent) {
        double share = total == 0 ? 0 : 100.0 * counts.getOrDefault(label, 0) / total;
        if (share < percent) {
            throw new AssertionError("'" + label + "' occurred in " + String.format("%.1f", share) + " % of " + total
                    + " tries, below the " + percent + " % this property needs; outcomes: " + counts);
        }
    }

    @Override
    public synchronized String toString() {
        return "Coverage" + counts;
    }
}
