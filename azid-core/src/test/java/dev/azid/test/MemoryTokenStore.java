package dev.azid.test;

import dev.azid.SharedTokenStore;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A {@link SharedTokenStore} in memory, as a Redis store would behave: values with expiry, leases
 * that end by themselves, release only by the holder, waiters woken by puts and releases. It can be
 * made to fail, counts its calls, and lets a test hold a lease as "another process" would.
 */
public final class MemoryTokenStore implements SharedTokenStore {

    private final Clock clock;
    private final boolean hostLocal;
    private final Map<String, byte[]> values = new HashMap<>();
    private final Map<String, Long> expiries = new HashMap<>();
    private final Map<String, Object> holders = new HashMap<>();
    private final Map<String, Long> leaseEnds = new HashMap<>();
    private final AtomicReference<RuntimeException> runtimeFailure = new AtomicReference<>();
    private final AtomicReference<IOException> failure = new AtomicReference<>();
    /** Calls of any method, failed ones included. */
    public final AtomicInteger calls = new AtomicInteger();
    /** Successful puts. */
    public final AtomicInteger puts = new AtomicInteger();

    /**
     * Creates an empty store.
     *
     * @param clock judges expiry of values and leases
     * @param hostLocal what {@link #hostLocal()} says
     */
    public MemoryTokenStore(Clock clock, boolean hostLocal) {
        this.clock = clock;
        this.hostLocal = hostLocal;
    }

    /** @param e thrown by every call from now on, or {@code null} to work again */
    public void failWith(IOException e) {
        failure.set(e);
    }

    /** @param e thrown by every call from now on, or {@code null} to work again */
    public void failWith(RuntimeException e) {
        runtimeFailure.set(e);
    }

    /**
     * Stores raw bytes, as a process with another key or a corrupt store would.
     *
     * @param key the key
     * @param value the bytes
     */
    public synchronized void putRaw(String key, byte[] value) {
        values.put(key, value);
        expiries.put(key, Long.MAX_VALUE);
        notifyAll();
    }

    /** @return every stored value by key */
    public synchronized Map<String, byte[]> snapshot() {
        return Map.copyOf(values);
    }

    /**
     * Takes a lease as another process would.
     *
     * @param key the key
     * @param duration how long
     * @return the lease
     */
    public Lease holdLease(String key, Duration duration) {
        try {
            return tryLease(key, duration).orElseThrow();
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    private void check() throws IOException {
        calls.incrementAndGet();
        IOException e = failure.get();
        if (e != null) {
            throw e;
        }
        RuntimeException r = runtimeFailure.get();
        if (r != null) {
            throw r;
        }
    }

    @Override
    public synchronized Optional<byte[]> get(String key) throws IOException {
        check();
        Long expiry = expiries.get(key);
        if (expiry == null || clock.millis() >= expiry) {
            return Optional.empty();
        }
        return Optional.of(values.get(key).clone());
    }

    @Override
    public synchronized void put(String key, byte[] value, Instant expiresAt) throws IOException {
        check();
        values.put(key, value.clone());
        expiries.put(key, expiresAt.toEpochMilli());
        puts.incrementAndGet();
        notifyAll();
    }

    @Override
    public synchronized Optional<Lease> tryLease(String key, Duration duration) throws IOException {
        check();
        Long end = leaseEnds.get(key);
        if (end != null && clock.millis() < end) {
            return Optional.empty();
        }
        Object holder = new Object();
        holders.put(key, holder);
        leaseEnds.put(key, clock.millis() + duration.toMillis());
        return Optional.of(() -> release(key, holder));
    }

    private synchronized void release(String key, Object holder) throws IOException {
        check();
        if (holders.get(key) == holder) {
            holders.remove(key);
            leaseEnds.remove(key);
        }
        notifyAll();
    }

    @Override
    public synchronized void awaitChange(String key, Duration maxWait) throws IOException, InterruptedException {
        check();
        long millis = maxWait.toMillis();
        if (millis > 0) {
            wait(millis);
        }
    }

    @Override
    public boolean hostLocal() {
        return hostLocal;
    }

    @Override
    public String toString() {
        return "MemoryTokenStore";
    }
}
