package dev.azid.test;

import dev.azid.SharedTokenStore;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Any store, plus {@link #leaseHolder}: the leases taken through this wrapper are reported with a
 * fixed description until they are released or expire. Records the keys put through it, so that a
 * test can find the key a credential used.
 */
public final class HolderReportingStore extends ForwardingStore {

    private final String description;
    private final Clock clock;
    private final Map<String, LeaseHolder> holders = new ConcurrentHashMap<>();
    private final List<String> putKeys = new ArrayList<>();
    private volatile IOException leaseHolderFailure;

    /**
     * Wraps a store.
     *
     * @param store the store that holds values and leases
     * @param description what every lease taken through this wrapper says of its holder
     * @param clock judges when a reported lease ends
     */
    public HolderReportingStore(SharedTokenStore store, String description, Clock clock) {
        super(store);
        this.description = description;
        this.clock = clock;
    }

    /** @param e thrown by {@link #leaseHolder} from now on */
    public void failLeaseHolderWith(IOException e) {
        this.leaseHolderFailure = e;
    }

    /** @return the keys put through this wrapper, in order */
    public synchronized List<String> putKeys() {
        return List.copyOf(putKeys);
    }

    @Override
    public void put(String key, byte[] value, Instant expiresAt) throws IOException {
        super.put(key, value, expiresAt);
        synchronized (this) {
            putKeys.add(key);
        }
    }

    @Override
    public Optional<Lease> tryLease(String key, Duration duration) throws IOException {
        Optional<Lease> lease = super.tryLease(key, duration);
        if (lease.isEmpty()) {
            return lease;
        }
        LeaseHolder holder = new LeaseHolder(description, clock.instant().plus(duration));
        holders.put(key, holder);
        return Optional.of(() -> {
            holders.remove(key, holder);
            lease.get().release();
        });
    }

    @Override
    public Optional<LeaseHolder> leaseHolder(String key) throws IOException {
        if (leaseHolderFailure != null) {
            throw leaseHolderFailure;
        }
        return Optional.ofNullable(holders.get(key)).filter(h -> clock.instant().isBefore(h.expiresAt()));
    }
}
