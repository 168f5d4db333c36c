package dev.azid.internal.shared;

import dev.azid.AccessToken;
import dev.azid.SharedCacheStatus;
import dev.azid.SharedCacheStatus.Entry;
import dev.azid.SharedTokenStore.LeaseHolder;
import dev.azid.internal.cache.CacheKey;
import dev.azid.internal.cache.SecondLevel;
import dev.azid.internal.cache.TokenExpiry;
import dev.azid.internal.redact.Redactor;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.security.GeneralSecurityException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Looks at what a shared cache holds for one credential's request, for diagnostics: the entry under
 * the key the credential would use, judged as a credential would judge it, and the key's lease
 * holder. Only the store is asked (a get, and the lease holder), each call bounded by the store; a
 * store failure is reported, never thrown. Nothing is written, no lease is taken, no token fetched.
 */
public final class SharedInspection {

    /** A key no token has: asking for it tells whether the store answers when no entry is to be looked up. */
    private static final CacheKey PROBE = new CacheKey("azid inspection probe", "", List.of(), false);
    private static final int MAX_FAILURE_CHARS = 300;

    private SharedInspection() {
    }

    /**
     * The status of a request whose token is not shared through this cache; the store is still
     * asked once (for a key no token has), so that its reachability is known.
     *
     * @param tokens the cache
     * @param reason why the token is not shared
     * @return the status
     */
    public static SharedCacheStatus notShared(SharedTokens tokens, String reason) {
        String failure = null;
        try {
            tokens.store().get(tokens.name(PROBE));
        } catch (IOException | RuntimeException e) {
            failure = failure(e);
        }
        return status(tokens, reason, failure, Entry.NOT_LOOKED_UP, null, null);
    }

    /**
     * The status of a request, given where the credential caches its token.
     *
     * @param tokens the cache being inspected
     * @param key the request's key in the credential's cache
     * @param level the credential's shared level
     * @return the status: not shared when the level is not one of this cache's
     */
    public static SharedCacheStatus inspect(SharedTokens tokens, CacheKey key, SecondLevel level) {
        if (level instanceof SecondLevel.NotShared none) {
            return notShared(tokens, none.reason());
        }
        if (!(level instanceof SharedLevel shared)) {
            return notShared(tokens, "its token cache has no level shared with other processes");
        }
        if (shared.tokens() != tokens) {
            return notShared(tokens, "it was built with another SharedTokenCache (on " + shared.tokens().store() + ")");
        }
        String name = tokens.name(key);
        Optional<byte[]> value;
        try {
            value = tokens.store().get(name);
        } catch (IOException | RuntimeException e) {
            return status(tokens, null, failure(e), Entry.NOT_LOOKED_UP, null, null);
        }
        Entry entry = Entry.ABSENT;
        Instant expiresAt = null;
        if (value.isPresent()) {
            try {
                AccessToken token = tokens.seal().open(name, value.get());
                expiresAt = token.expiresAt();
                entry = judge(token, shared.clock().instant());
            } catch (GeneralSecurityException e) {
                entry = Entry.UNREADABLE;
            }
        }
        LeaseHolder holder = null;
        String failure = null;
        try {
            holder = tokens.store().leaseHolder(name).map(h -> new LeaseHolder(clean(h.description()), h.expiresAt()))
                    .orElse(null);
        } catch (IOException | RuntimeException e) {
            failure = "asking for the lease holder: " + failure(e);
        }
        return status(tokens, null, failure, entry, expiresAt, holder);
    }

    /** Judges a shared token as a credential reading it would: taken as is, refreshed, or ignored. */
    private static Entry judge(AccessToken token, Instant now) {
        long expires = token.expiresAt().toEpochMilli();
        if (now.toEpochMilli() >= expires) {
            return Entry.EXPIRED;
        }
        if (!TokenExpiry.usable(token.expiresAt(), now)) {
            return Entry.UNREADABLE;
        }
        return SharedTier.takenAsIs(token, now.toEpochMilli()) ? Entry.FRESH : Entry.DUE_FOR_REFRESH;
    }

    private static String failure(Exception e) {
        if (e instanceof InterruptedIOException) {
            Thread.currentThread().interrupt();
        }
        return clean(e.getClass().getSimpleName() + ": " + e.getMessage());
    }

    /** Text from the store (another process wrote a lease holder's description): masked, one line, bounded. */
    private static String clean(String text) {
        String safe = Redactor.SHAPES.redact(text).replaceAll("\\p{Cntrl}", " ");
        return safe.length() <= MAX_FAILURE_CHARS ? safe : safe.substring(0, MAX_FAILURE_CHARS) + "...";
    }

    private static SharedCacheStatus status(SharedTokens tokens, String notShared, String failure, Entry entry,
            Instant expiresAt, LeaseHolder holder) {
        return new SharedCacheStatus(String.valueOf(tokens.store()), tokens.encrypts(), Optional.ofNullable(notShared),
                Optional.ofNullable(failure), entry, Optional.ofNullable(expiresAt), Optional.ofNullable(holder));
    }
}
