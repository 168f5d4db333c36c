package dev.azid.internal.util;

import java.time.Duration;
import java.util.function.LongSupplier;

/**
 * The end of a bounded wait on a monotonic clock, compared without overflow, so every wait loop
 * asks the same two questions: has it passed, and how long is left.
 */
public final class Deadline {

    private final LongSupplier nanos;
    private final long end;

    private Deadline(LongSupplier nanos, Duration wait) {
        this.nanos = nanos;
        this.end = nanos.getAsLong() + wait.toNanos();
    }

    /**
     * A deadline this long from now on {@link System#nanoTime()}.
     *
     * @param wait how long, zero or more
     * @return the deadline
     */
    public static Deadline after(Duration wait) {
        return after(wait, System::nanoTime);
    }

    /**
     * A deadline this long from now on the given monotonic clock, for tests.
     *
     * @param wait how long, zero or more
     * @param nanos the clock, in nanoseconds
     * @return the deadline
     */
    public static Deadline after(Duration wait, LongSupplier nanos) {
        return new Deadline(nanos, wait);
    }

    /** @return whether the deadline has passed */
    public boolean passed() {
        return nanos.getAsLong() - end > 0;
    }

    /** @return the time left, zero once passed */
    public Duration remaining() {
        return Duration.ofNanos(Math.max(0, end - nanos.getAsLong()));
    }

    /** @return the whole milliseconds left, zero once passed */
    public long remainingMillis() {
        return remaining().toMillis();
    }
}
