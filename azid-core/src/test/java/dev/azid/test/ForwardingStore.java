package dev.azid.test;

import dev.azid.SharedTokenStore;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * A store that forwards every call to another, its leases' renewals through {@link #renew}: the base
 * of test stores that change or observe one part of a store's behaviour.
 */
public class ForwardingStore implements SharedTokenStore {

    private final SharedTokenStore store;

    /**
     * Wraps a store.
     *
     * @param store the store every call goes to
     */
    public ForwardingStore(SharedTokenStore store) {
        this.store = store;
    }

    /**
     * Renews one of the leases this store gave; by default, as the store underneath does.
     *
     * @param lease the underlying store's lease
     * @param duration how long from now
     * @return whether it was renewed
     * @throws IOException as the store throws
     */
    protected boolean renew(Lease lease, Duration duration) throws IOException {
        return lease.renew(duration);
    }

    @Override
    public Optional<byte[]> get(String key) throws IOException {
        return store.get(key);
    }

    @Override
    public void put(String key, byte[] value, Instant expiresAt) throws IOException {
        store.put(key, value, expiresAt);
    }

    @Override
    public Optional<Lease> tryLease(String key, Duration duration) throws IOException {
        return store.tryLease(key, duration).map(lease -> new Lease() {
            @Override
            public boolean renew(Duration d) throws IOException {
                return ForwardingStore.this.renew(lease, d);
            }

            @Override
            public void release() throws IOException {
                lease.release();
            }
        });
    }

    @Override
    public void awaitChange(String key, Duration maxWait) throws IOException, InterruptedException {
        store.awaitChange(key, maxWait);
    }

    @Override
    public boolean hostLocal() {
        return store.hostLocal();
    }

    @Override
    public Optional<LeaseHolder> leaseHolder(String key) throws IOException {
        return store.leaseHolder(key);
    }

    @Override
    public String toString() {
        return store.toString();
    }
}
