package dev.azid.internal.shared;

import dev.azid.SharedTokenStore;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/** A store that forwards every call to another, its leases' renewals through {@link #renew}, which tests override. */
class ForwardingStore implements SharedTokenStore {

    private final SharedTokenStore store;

    ForwardingStore(SharedTokenStore store) {
        this.store = store;
    }

    /** Renews one of the leases this store gave; by default, as the store underneath does. */
    boolean renew(Lease lease, Duration duration) throws IOException {
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
    public Optional<LeaseHolder> leaseHolder(String key) throws IOException {
        return store.leaseHolder(key);
    }

    @Override
    public String toString() {
        return store.toString();
    }
}
