package dev.azid.internal.cache;

import dev.azid.AccessToken;
import java.time.Instant;

/** A token in the {@link TokenCache}, with its instants as epoch millis, so the hot path compares longs. */
final class CachedEntry {
    final AccessToken token;
    final long refreshAtMillis;
    final long usableUntilMillis;

    /**
     * Judges a token received now.
     *
     * @param token the token
     * @param nowMillis the current time
     * @param maxMarginMillis the most that a tenth of the remaining lifetime may take off its expiry
     */
    CachedEntry(AccessToken token, long nowMillis, long maxMarginMillis) {
        this.token = token;
        long expires = toMillis(token.expiresAt());
        long margin = Math.min(maxMarginMillis, Math.max(0, (expires - nowMillis) / 10));
        this.usableUntilMillis = expires - margin;
        this.refreshAtMillis = Math.min(toMillis(token.refreshAt()), usableUntilMillis);
    }

    private static long toMillis(Instant instant) {
        try {
            return instant.toEpochMilli();
        } catch (ArithmeticException e) {
            return instant.isBefore(Instant.EPOCH) ? Long.MIN_VALUE : Long.MAX_VALUE;
        }
    }
}
