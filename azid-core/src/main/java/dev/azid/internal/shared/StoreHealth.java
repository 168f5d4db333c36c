package dev.azid.internal.shared;

import dev.azid.internal.redact.Redactor;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Whether a shared store is worth asking, so that it fails open: after a failure every process
 * fetches for itself and the store is left alone for a while (5 s, doubling up to 2 minutes), then
 * asked again; the first success after an outage rejoins it. One warning per outage, one line
 * when it works again, whatever the number of calls. Thread-safe.
 */
final class StoreHealth {

    private static final Logger LOG = LoggerFactory.getLogger(StoreHealth.class);
    private static final long FIRST_PAUSE_NANOS = 5_000_000_000L;
    private static final long MAX_PAUSE_NANOS = 120_000_000_000L;

    private final String store;
    private final LongSupplier nanoTime;
    private final AtomicBoolean down = new AtomicBoolean();
    private final AtomicBoolean garbageWarned = new AtomicBoolean();
    private volatile long retryAtNanos;
    private volatile long pauseNanos = FIRST_PAUSE_NANOS;

    /**
     * Creates it, healthy.
     *
     * @param store names the store in log lines (its {@code toString()}, which names no secret)
     * @param nanoTime the monotonic time source
     */
    StoreHealth(String store, LongSupplier nanoTime) {
        this.store = store;
        this.nanoTime = nanoTime;
    }

    /** @return whether to ask the store now: it is healthy, or its pause after a failure is over */
    boolean worthAsking() {
        return !down.get() || nanoTime.getAsLong() - retryAtNanos >= 0;
    }

    /** @return whether the store is in an outage */
    boolean isDown() {
        return down.get();
    }

    /** Records a call that worked; ends an outage. */
    void succeeded() {
        if (down.get() && down.compareAndSet(true, false)) {
            pauseNanos = FIRST_PAUSE_NANOS;
            LOG.info("The shared token cache {} works again; processes share tokens through it again.", store);
        }
    }

    /**
     * Records a failed call: starts or prolongs an outage.
     *
     * @param credentialName the credential that saw it
     * @param failure what the store threw
     */
    void failed(String credentialName, Throwable failure) {
        long now = nanoTime.getAsLong();
        if (down.get() && now - retryAtNanos < 0) {
            // A call that started before this pause: the outage is known, the pause grows once per retry round.
            LOG.debug("{}: the shared token cache {} still fails ({})", credentialName, store,
                    failure.getClass().getSimpleName());
            return;
        }
        long pause = pauseNanos;
        retryAtNanos = now + pause;
        pauseNanos = Math.min(MAX_PAUSE_NANOS, pause * 2);
        if (down.compareAndSet(false, true)) {
            LOG.warn("{}: the shared token cache {} failed ({}: {}); each process fetches its own tokens until it works "
                    + "again, retried in {} s. Check that the store is reachable and writable.", credentialName, store,
                    failure.getClass().getSimpleName(), Redactor.SHAPES.redact(String.valueOf(failure.getMessage())),
                    pause / 1_000_000_000L);
        } else {
            LOG.debug("{}: the shared token cache {} still fails ({})", credentialName, store,
                    failure.getClass().getSimpleName());
        }
    }

    /**
     * Records an entry that is not a token sealed with this cache's key (corrupt, tampered with, or
     * written with another key or in clear text): it is ignored and replaced. Warned once.
     *
     * @param credentialName the credential that saw it
     * @param reason why it was refused (names no content)
     */
    void garbage(String credentialName, String reason) {
        if (garbageWarned.compareAndSet(false, true)) {
            LOG.warn("{}: the shared token cache {} holds an entry azid cannot open ({}); it is ignored and replaced. "
                    + "Check that every process uses the same encryption key.", credentialName, store, reason);
        } else {
            LOG.debug("{}: the shared token cache {} holds an entry azid cannot open ({})", credentialName, store, reason);
        }
    }
}
