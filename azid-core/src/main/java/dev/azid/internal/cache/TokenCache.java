package dev.azid.internal.cache;

import dev.azid.AccessToken;
import dev.azid.CredentialException;
import dev.azid.internal.redact.Redactor;
import dev.azid.internal.util.Waits;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one token cache of azid, used by every credential.
 *
 * <p>A cached token is in one of three states, judged with the injected clock:
 * <ul>
 *   <li><b>fresh</b> (before its refresh instant): returned at once, without a lock, from a
 *       volatile read after the key look-up;</li>
 *   <li><b>stale</b> (due for refresh, still valid): returned at once, and one background refresh
 *       is started on the executor unless one is running or a failed refresh is backing off (30 s,
 *       doubling up to 5 minutes); a failed refresh is logged and the cached token kept;</li>
 *   <li><b>expired</b> (or missing): the caller waits for a fetch. Concurrent callers share one
 *       fetch (single flight): N callers on a cold cache cause exactly one request.</li>
 * </ul>
 * A token is treated as expired slightly early (a tenth of its lifetime, at most 30 s), so a token
 * that is about to expire in flight is never returned. Every fetched token, whatever its source,
 * passes {@link TokenExpiry#requireUsable} before it is cached or returned: one that is already
 * expired, or claims to live longer than {@link TokenExpiry#MAX_LIFETIME}, is refused.
 */
public final class TokenCache {

    private static final Logger LOG = LoggerFactory.getLogger(TokenCache.class);
    private static final Duration FIRST_RETRY_DELAY = Duration.ofSeconds(30);
    private static final Duration MAX_RETRY_DELAY = Duration.ofMinutes(5);
    private static final long MAX_EXPIRY_MARGIN_MILLIS = 30_000;

    private final ConcurrentHashMap<CacheKey, Slot> slots = new ConcurrentHashMap<>();
    private final String credentialName;
    private final Clock clock;
    private final Executor executor;
    private final PersistentLayer persistent;
    private final SecondLevel shared;

    /**
     * Creates an empty cache, in memory only.
     *
     * @param credentialName the owning credential's name, for log lines
     * @param clock the clock that decides fresh, stale and expired
     * @param executor runs background refreshes and asynchronous fetches
     */
    public TokenCache(String credentialName, Clock clock, Executor executor) {
        this(credentialName, clock, executor, PersistentLayer.NONE, SecondLevel.NONE);
    }

    /**
     * Creates an empty cache in front of a persistent store and over a level shared with other
     * processes: on a miss or a due refresh (never on a hit, never for a forced refresh) the
     * persistent store is asked first (another process may have stored the token; a fetched one is
     * stored there, except one fetched for a claims challenge), then the shared level, which
     * fetches under its lease.
     *
     * @param credentialName the credential, for log lines
     * @param clock tells when tokens are due for refresh
     * @param executor runs background refreshes and asynchronous fetches
     * @param persistent the persistent store, or {@link PersistentLayer#NONE}
     * @param shared the shared level, or {@link SecondLevel#NONE}
     */
    public TokenCache(String credentialName, Clock clock, Executor executor, PersistentLayer persistent,
            SecondLevel shared) {
        this.credentialName = credentialName;
        this.clock = clock;
        this.executor = executor;
        this.persistent = java.util.Objects.requireNonNull(persistent, "persistent");
        this.shared = java.util.Objects.requireNonNull(shared, "shared");
    }

    /** @return the level shared with other processes, or one that says why there is none (for diagnostics) */
    public SecondLevel shared() {
        return shared;
    }

    /**
     * Returns a token for the key, fetching one on the calling thread when none is usable.
     *
     * @param key what the token is for
     * @param forceRefresh fetch even when a cached token is fresh (claims challenges); the result
     *     replaces the cached token
     * @param fetcher gets a new token
     * @return a token that is not expired
     * @throws CancellationException if the thread is interrupted while waiting for another
     *     caller's fetch; the interrupt flag is restored
     */
    public AccessToken getToken(CacheKey key, boolean forceRefresh, TokenFetcher fetcher) {
        Slot slot = slot(key);
        if (!forceRefresh) {
            CachedEntry entry = slot.entry;
            if (entry != null) {
                long now = clock.millis();
                if (now < entry.refreshAtMillis) {
                    return entry.token;
                }
                if (now < entry.usableUntilMillis) {
                    refreshInBackground(key, slot, fetcher, now);
                    return entry.token;
                }
            }
        } else {
            return fetchAndStore(key, slot, fetcher, true);
        }
        while (true) {
            CompletableFuture<AccessToken> running = slot.inflight.get();
            if (running != null) {
                return await(running);
            }
            CompletableFuture<AccessToken> mine = new CompletableFuture<>();
            if (slot.inflight.compareAndSet(null, mine)) {
                lead(key, slot, fetcher, mine);
                return await(mine);
            }
        }
    }

    /**
     * Asynchronous form of {@link #getToken}: a usable cached token completes at once; otherwise the
     * fetch runs on the executor and concurrent callers share it.
     *
     * @param key what the token is for
     * @param forceRefresh fetch even when a cached token is fresh
     * @param fetcher gets a new token
     * @return a future of a token that is not expired
     */
    public CompletableFuture<AccessToken> getTokenAsync(CacheKey key, boolean forceRefresh, TokenFetcher fetcher) {
        Slot slot = slot(key);
        if (forceRefresh) {
            return CompletableFuture.supplyAsync(() -> fetchAndStore(key, slot, fetcher, true), executor);
        }
        CachedEntry entry = slot.entry;
        if (entry != null) {
            long now = clock.millis();
            if (now < entry.refreshAtMillis) {
                return CompletableFuture.completedFuture(entry.token);
            }
            if (now < entry.usableUntilMillis) {
                refreshInBackground(key, slot, fetcher, now);
                return CompletableFuture.completedFuture(entry.token);
            }
        }
        while (true) {
            CompletableFuture<AccessToken> running = slot.inflight.get();
            if (running != null) {
                return running.copy();
            }
            CompletableFuture<AccessToken> mine = new CompletableFuture<>();
            if (slot.inflight.compareAndSet(null, mine)) {
                try {
                    executor.execute(() -> lead(key, slot, fetcher, mine));
                } catch (RejectedExecutionException e) {
                    slot.inflight.compareAndSet(mine, null);
                    mine.completeExceptionally(e);
                }
                return mine.copy();
            }
        }
    }

    /** Forgets every cached token. */
    public void clear() {
        slots.clear();
    }

    private Slot slot(CacheKey key) {
        Slot slot = slots.get(key);
        return slot != null ? slot : slots.computeIfAbsent(key, k -> new Slot());
    }

    /** Runs the fetch this caller won the right to run; re-checks first, as a fetch may just have ended. */
    private void lead(CacheKey key, Slot slot, TokenFetcher fetcher, CompletableFuture<AccessToken> mine) {
        try {
            CachedEntry entry = slot.entry;
            if (entry != null && clock.millis() < entry.usableUntilMillis) {
                mine.complete(entry.token);
                return;
            }
            mine.complete(fetchAndStore(key, slot, () -> shared.fetch(key, fetcher), false));
        } catch (Throwable t) {
            mine.completeExceptionally(t);
        } finally {
            slot.inflight.compareAndSet(mine, null);
        }
    }

    private AccessToken fetchAndStore(CacheKey key, Slot slot, TokenFetcher fetcher, boolean forced) {
        // A claims challenge needs a new token; a stored one is never the answer, nor is its answer stored.
        AccessToken stored = forced ? null : persistent.find(key).orElse(null);
        AccessToken token = stored != null ? stored : fetcher.fetch();
        TokenExpiry.requireUsable(credentialName, token, clock.instant());
        if (stored == null && !forced) {
            persistent.save(key, token);
        }
        slot.entry = new CachedEntry(token, clock.millis(), MAX_EXPIRY_MARGIN_MILLIS);
        slot.failures = 0;
        slot.nextAttemptMillis = 0;
        return token;
    }

    private void refreshInBackground(CacheKey key, Slot slot, TokenFetcher fetcher, long now) {
        if (now < slot.nextAttemptMillis) {
            return;
        }
        CompletableFuture<AccessToken> mine = new CompletableFuture<>();
        if (!slot.inflight.compareAndSet(null, mine)) {
            return;
        }
        Runnable refresh = () -> {
            try {
                mine.complete(fetchAndStore(key, slot, () -> shared.fetch(key, fetcher), false));
            } catch (Throwable t) {
                Duration delay = backOff(slot);
                CachedEntry entry = slot.entry;
                LOG.warn("{}: refreshing a cached token failed; the cached token stays in use until {}; next attempt in {} s. "
                        + "Cause: {}", credentialName, entry == null ? "expiry" : entry.token.expiresAt(),
                        delay.toSeconds(), t instanceof CredentialException ? t.getMessage()
                                : Redactor.SHAPES.redact(t.getMessage()));
                mine.completeExceptionally(t);
                if (t instanceof Error error) {
                    throw error;
                }
            } finally {
                slot.inflight.compareAndSet(mine, null);
            }
        };
        try {
            executor.execute(refresh);
        } catch (RejectedExecutionException e) {
            slot.inflight.compareAndSet(mine, null);
            LOG.debug("{}: background refresh not started: executor refused it", credentialName);
        }
    }

    private Duration backOff(Slot slot) {
        int failures = Math.min(++slot.failures, 10);
        Duration delay = FIRST_RETRY_DELAY.multipliedBy(1L << (failures - 1));
        if (delay.compareTo(MAX_RETRY_DELAY) > 0) {
            delay = MAX_RETRY_DELAY;
        }
        slot.nextAttemptMillis = clock.millis() + delay.toMillis();
        return delay;
    }

    private static AccessToken await(CompletableFuture<AccessToken> future) {
        try {
            return future.get();
        } catch (InterruptedException e) {
            throw Waits.interrupted("interrupted while waiting for a token", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("token fetch failed", Waits.uncheckedCause(e));
        }
    }

    /** The state of one key: its token, the fetch in flight, and the back-off of failed refreshes. */
    private static final class Slot {
        volatile CachedEntry entry;
        final AtomicReference<CompletableFuture<AccessToken>> inflight = new AtomicReference<>();
        volatile long nextAttemptMillis;
        volatile int failures;
    }
}
