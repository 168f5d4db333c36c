package dev.azid.internal.shared;

import dev.azid.SharedTokenStore;
import dev.azid.http.HttpTransport;
import dev.azid.internal.cache.CacheKey;
import dev.azid.internal.cache.SecondLevel;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.function.LongSupplier;

/**
 * A shared token cache as the credentials use it: the store, the seal (encryption and key names),
 * the store's health (shared by every credential on it, so an outage is warned once), the lease and
 * wait bounds, the renewal of the leases this process holds, and the host's managed-identity request
 * limiter when the store has one. Thread-safe.
 */
public final class SharedTokens {

    private final SharedTokenStore store;
    private final TokenSeal seal;
    private final StoreHealth health;
    private final Duration leaseDuration;
    private final Duration maxWait;
    private final HostRequestLimiter limiter;
    private final LeaseRenewals renewals;

    /**
     * Creates it.
     *
     * @param store the store
     * @param encryptionKey the application's 32-byte key, or {@code null} for clear text (allowed explicitly)
     * @param leaseDuration how long a lease lasts unless released
     * @param maxWait how long a process waits at most for the lease holder's token before fetching itself
     * @param limiter limits managed-identity requests on this host, or {@code null}
     */
    public SharedTokens(SharedTokenStore store, byte[] encryptionKey, Duration leaseDuration, Duration maxWait,
            HostRequestLimiter limiter) {
        this(store, encryptionKey, leaseDuration, maxWait, limiter, System::nanoTime);
    }

    /**
     * Creates it with a monotonic time source for the store's pauses after failures (tests).
     *
     * @param store the store
     * @param encryptionKey the application's key, or {@code null}
     * @param leaseDuration how long a lease lasts unless released
     * @param maxWait how long a process waits for the lease holder's token
     * @param limiter the host's request limiter, or {@code null}
     * @param nanoTime the monotonic time source
     */
    SharedTokens(SharedTokenStore store, byte[] encryptionKey, Duration leaseDuration, Duration maxWait,
            HostRequestLimiter limiter, LongSupplier nanoTime) {
        this.store = Objects.requireNonNull(store, "store");
        this.seal = new TokenSeal(encryptionKey);
        this.health = new StoreHealth(String.valueOf(store), nanoTime);
        this.leaseDuration = leaseDuration;
        this.maxWait = maxWait;
        this.limiter = limiter;
        this.renewals = new LeaseRenewals(leaseDuration, health);
    }

    /**
     * The second level for one credential's cache.
     *
     * @param credentialName the credential, for log lines
     * @param clock the credential's clock, which judges whether a shared token is fresh
     * @param hostBound whether the credential's identity belongs to this host (a system-assigned
     *     managed identity): then it is shared only through a {@linkplain SharedTokenStore#hostLocal() host-local} store
     * @return the level, or a {@link SecondLevel.NotShared} saying why the identity must not be shared through this store
     */
    public SecondLevel level(String credentialName, Clock clock, boolean hostBound) {
        if (hostBound && !store.hostLocal()) {
            return new SecondLevel.NotShared("a system-assigned managed identity belongs to its host: its tokens are "
                    + "shared only through a store local to the host (such as FileSharedTokenStore), and " + store
                    + " is not");
        }
        return new SharedLevel(this, clock, new SharedTier(credentialName, clock, this));
    }

    /**
     * Wraps a managed-identity transport in the host's request limiter, when the store has one.
     *
     * @param transport the transport
     * @return the limited transport, or the same one
     */
    public HttpTransport limitManagedIdentity(HttpTransport transport) {
        return limiter == null ? transport : new LimitedTransport(transport, limiter);
    }

    /** @return whether tokens are encrypted at rest */
    public boolean encrypts() {
        return seal.encrypts();
    }

    /**
     * The store key of a cached token: a keyed hash over every part of the key, scopes sorted.
     *
     * @param key the in-process cache key
     * @return 64 hexadecimal characters
     */
    String name(CacheKey key) {
        List<String> scopes = new ArrayList<>(key.scopes());
        Collections.sort(scopes);
        // Sized for a typical identity and a scope or two, so that it does not grow on every miss.
        StringBuilder canonical = new StringBuilder(256).append("azid-shared-token-v1");
        part(canonical, key.identity());
        part(canonical, key.tenant());
        part(canonical, Integer.toString(scopes.size()));
        for (String s : scopes) {
            part(canonical, s);
        }
        part(canonical, key.cae() ? "cae" : "no-cae");
        return seal.name(canonical.toString());
    }

    private static void part(StringBuilder out, String value) {
        out.append('|').append(value.length()).append(':').append(value);
    }

    SharedTokenStore store() {
        return store;
    }

    TokenSeal seal() {
        return seal;
    }

    StoreHealth health() {
        return health;
    }

    Duration leaseDuration() {
        return leaseDuration;
    }

    Duration maxWait() {
        return maxWait;
    }

    LeaseRenewals renewals() {
        return renewals;
    }

    /** Names the store, whether tokens are encrypted and the lease and wait bounds; never the key. */
    @Override
    public String toString() {
        return "SharedTokens[" + store + ", encrypted=" + seal.encrypts() + ", leaseDuration=" + leaseDuration
                + ", maxWait=" + maxWait + ", imdsLimiter=" + (limiter != null) + "]";
    }
}
