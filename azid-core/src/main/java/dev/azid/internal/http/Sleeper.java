package dev.azid.internal.http;

import java.time.Duration;

/** Waits between retries; tests pass one that records the delays instead of sleeping. */
@FunctionalInterface
public interface Sleeper {

    /** Sleeps on the calling thread. */
    Sleeper THREAD_SLEEP = d -> Thread.sleep(d.toMillis());

    /**
     * Waits.
     *
     * @param duration how long
     * @throws InterruptedException if the thread is interrupted
     */
    void sleep(Duration duration) throws InterruptedException;
}
