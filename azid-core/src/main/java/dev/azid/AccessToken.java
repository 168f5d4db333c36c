package dev.azid;

import java.time.Instant;
import java.util.Objects;

/**
 * An access token and when it expires.
 *
 * <p>{@link #toString()} never shows the token itself.
 *
 * @param token the bearer token; treat it as opaque and secret
 * @param expiresAt when the token stops being accepted
 * @param refreshAt when azid will start trying to replace it; not after {@code expiresAt}
 * @param tokenType the token type, normally {@code Bearer}
 */
public record AccessToken(String token, Instant expiresAt, Instant refreshAt, String tokenType) {

    /** Validates the fields. */
    public AccessToken {
        Objects.requireNonNull(token, "token");
        Objects.requireNonNull(expiresAt, "expiresAt");
        if (token.isEmpty()) {
            throw new IllegalArgumentException("AccessToken: the token is empty.");
        }
        if (refreshAt == null || refreshAt.isAfter(expiresAt)) {
            refreshAt = expiresAt;
        }
        if (tokenType == null || tokenType.isBlank()) {
            tokenType = "Bearer";
        }
    }

    /**
     * A bearer token that is refreshed only when it expires.
     *
     * @param token the token
     * @param expiresAt its expiry
     * @return the token
     */
    public static AccessToken of(String token, Instant expiresAt) {
        return new AccessToken(token, expiresAt, expiresAt, "Bearer");
    }

    /**
     * Tells whether the token is expired at the given instant.
     *
     * @param now the instant to test
     * @return {@code true} when {@code now} is at or after {@link #expiresAt()}
     */
    public boolean isExpiredAt(Instant now) {
        return !now.isBefore(expiresAt);
    }

    /** Returns a description without the token. */
    @Override
    public String toString() {
        return "AccessToken[tokenType=" + tokenType + ", expiresAt=" + expiresAt + ", refreshAt=" + refreshAt
                + ", token=<redacted " + token.length() + " chars>]";
    }
}
