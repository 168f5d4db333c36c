package dev.azid.internal.redact;

import java.util.ArrayDeque;
import java.util.List;

/**
 * The last few secrets a client received (refresh and access tokens), so that a later error answer
 * that echoes one of them is masked too. Bounded: the oldest is forgotten first. Thread-safe.
 */
public final class RecentSecrets {

    /** How many values are kept. */
    static final int CAPACITY = 16;

    private final ArrayDeque<String> values = new ArrayDeque<>();

    /**
     * Remembers a value.
     *
     * @param value a secret received, or {@code null}
     */
    public synchronized void remember(String value) {
        if (value == null || value.length() < KnownValues.MIN_LENGTH || values.contains(value)) {
            return;
        }
        if (values.size() == CAPACITY) {
            values.removeFirst();
        }
        values.addLast(value);
    }

    /**
     * The values remembered.
     *
     * @return a copy, oldest first
     */
    public synchronized List<String> values() {
        return List.copyOf(values);
    }

    /** Never shows the values. */
    @Override
    public synchronized String toString() {
        return "RecentSecrets[" + values.size() + "]";
    }
}
