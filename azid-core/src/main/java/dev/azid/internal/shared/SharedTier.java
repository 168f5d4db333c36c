package dev.azid.internal.shared;

import dev.azid.AccessToken;
import dev.azid.SharedTokenStore;
import dev.azid.SharedTokenStore.Lease;
import dev.azid.internal.cache.CacheKey;
import dev.azid.internal.cache.SecondLevel;
import dev.azid.internal.cache.TokenExpiry;
import dev.azid.internal.cache.TokenFetcher;
import dev.azid.internal.redact.Redactor;
import dev.azid.internal.util.Deadline;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.security.GeneralSecurityException;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One credential's view of a shared store: on a miss of its in-process cache, a fresh token another
 * process stored is taken as is; otherwise one process takes the key's lease, fetches (renewing the
 * lease meanwhile, see {@link LeaseRenewals}), stores the token and releases the lease, while the
 * others wait: until the token appears (they read it), the lease is free (one of them takes it: its
 * holder failed or died) or the configured wait is over (they fetch for themselves). Store failures
 * and unreadable entries never fail the call: the credential then fetches for itself (see
 * {@link StoreHealth}). The credential's own failures propagate unchanged, after the lease is released.
 */
final class SharedTier implements SecondLevel {

    private static final Logger LOG = LoggerFactory.getLogger(SharedTier.class);
    private static final long MAX_EXPIRY_MARGIN_MILLIS = 30_000;

    private final String credentialName;
    private final Clock clock;
    private final SharedTokens shared;
    private final SharedTokenStore store;
    private final StoreHealth health;

    SharedTier(String credentialName, Clock clock, SharedTokens shared) {
        this.credentialName = credentialName;
        this.clock = clock;
        this.shared = shared;
        this.store = shared.store();
        this.health = shared.health();
    }

    @Override
    public AccessToken fetch(CacheKey key, TokenFetcher fetcher) {
        if (!health.worthAsking()) {
            return fetcher.fetch();
        }
        String name = shared.name(key);
        Plan plan = plan(name);
        if (plan.found != null) {
            return plan.found;
        }
        LeaseRenewals.Renewal renewal = plan.lease == null ? null : shared.renewals().start(plan.lease, credentialName);
        try {
            AccessToken fetched = fetcher.fetch();
            if (plan.store) {
                write(name, fetched);
            }
            return fetched;
        } finally {
            if (renewal != null) {
                renewal.stop();
            }
            release(plan.lease);
        }
    }

    @Override
    public void offer(CacheKey key, AccessToken token) {
        // A token the in-process cache would refuse is not published either.
        if (health.worthAsking() && TokenExpiry.usable(token.expiresAt(), clock.instant())) {
            write(shared.name(key), token);
        }
    }

    /** Finds a fresh shared token, or decides who fetches: this process under the lease, or alone. */
    private Plan plan(String name) {
        Deadline deadline = Deadline.after(shared.maxWait());
        try {
            while (true) {
                AccessToken found = read(name);
                if (found != null) {
                    return new Plan(found, null, false);
                }
                Optional<Lease> lease = store.tryLease(name, shared.leaseDuration());
                health.succeeded();
                if (lease.isPresent()) {
                    // Another process may have stored its token between the read and the lease.
                    AccessToken again = read(name);
                    if (again != null) {
                        release(lease.get());
                        return new Plan(again, null, false);
                    }
                    return new Plan(null, lease.get(), true);
                }
                if (deadline.passed()) {
                    if (LOG.isDebugEnabled()) {
                        LOG.debug("{}: no token from the lease holder ({}) within {} ms; fetching for this process",
                                credentialName, holder(name), shared.maxWait().toMillis());
                    }
                    return new Plan(null, null, true);
                }
                // A put and release landing between the failed tryLease and the store's own look would go
                // unseen for the whole wait: look again at least once a lease duration.
                Duration wait = deadline.remaining();
                store.awaitChange(name, wait.compareTo(shared.leaseDuration()) < 0 ? wait : shared.leaseDuration());
            }
        } catch (InterruptedException | InterruptedIOException e) {
            Thread.currentThread().interrupt();
            return new Plan(null, null, false);
        } catch (IOException | RuntimeException e) {
            // A store failure never fails getToken (deliberately broad: the store is the application's plug-in).
            health.failed(credentialName, e);
            return new Plan(null, null, false);
        }
    }

    private AccessToken read(String name) throws IOException {
        Optional<byte[]> value = store.get(name);
        health.succeeded();
        if (value.isEmpty()) {
            return null;
        }
        AccessToken token;
        try {
            token = shared.seal().open(name, value.get());
        } catch (GeneralSecurityException e) {
            health.garbage(credentialName, e.getMessage());
            return null;
        }
        if (!TokenExpiry.usable(token.expiresAt(), clock.instant())) {
            // Expired, or claiming a lifetime no token has: never handed to the in-process cache, which would refuse it.
            if (token.expiresAt().isAfter(clock.instant())) {
                health.garbage(credentialName, "an expiry beyond any token's lifetime");
            }
            return null;
        }
        return takenAsIs(token, clock.millis()) ? token : null;
    }

    /**
     * Whether a shared token is taken as it is, rather than refreshed: before its refresh instant
     * and before its expiry less a tenth of its remaining lifetime (at most 30 s), as the in-process
     * cache judges it. {@link SharedInspection} reports with the same rule.
     *
     * @param token the token read from the store
     * @param now the credential's clock, epoch millis
     * @return whether it is fresh
     */
    static boolean takenAsIs(AccessToken token, long now) {
        long expires = token.expiresAt().toEpochMilli();
        long usableUntil = expires - Math.min(MAX_EXPIRY_MARGIN_MILLIS, Math.max(0, (expires - now) / 10));
        return now < usableUntil && now < token.refreshAt().toEpochMilli();
    }

    /** Who holds the lease, for a log line only: a failure to tell is no store failure worth an outage. */
    private String holder(String name) {
        try {
            return store.leaseHolder(name).map(h -> Redactor.SHAPES.redact(h.description()) + ", lease until "
                    + h.expiresAt()).orElse("lease free or holder unknown");
        } catch (IOException | RuntimeException e) {
            return "unknown: " + e.getClass().getSimpleName();
        }
    }

    private void write(String name, AccessToken token) {
        try {
            store.put(name, shared.seal().seal(name, token), token.expiresAt());
            health.succeeded();
        } catch (IOException | RuntimeException e) {
            health.failed(credentialName, e);
        }
    }

    private void release(Lease lease) {
        if (lease == null) {
            return;
        }
        try {
            lease.release();
        } catch (IOException | RuntimeException e) {
            // The lease then ends at its expiry.
            health.failed(credentialName, e);
        }
    }

    /** A fresh token found in the store, or a fetch to make (under a lease or not) and whether to store it. */
    private record Plan(AccessToken found, Lease lease, boolean store) {
    }
}
