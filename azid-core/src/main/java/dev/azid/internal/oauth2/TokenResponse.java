package dev.azid.internal.oauth2;

import dev.azid.AccessToken;
import dev.azid.internal.cache.RefreshPolicy;
import dev.azid.internal.cache.TokenExpiry;
import dev.azid.internal.json.JsonObject;
import java.time.Duration;
import java.time.Instant;

/**
 * The parts of a successful token response azid uses.
 *
 * @param accessToken the token
 * @param tokenType {@code Bearer} normally
 * @param expiresIn lifetime in seconds
 * @param refreshIn the server's proactive-refresh hint in seconds, or {@code null}
 */
public record TokenResponse(String accessToken, String tokenType, long expiresIn, Long refreshIn) {

    /**
     * Reads a token endpoint's JSON answer.
     *
     * @param json the body
     * @return the response
     * @throws dev.azid.internal.json.JsonFormatException if the body is not JSON or a field has the
     *     wrong type
     * @throws IllegalStateException naming the field when {@code access_token} is missing, or
     *     {@code expires_in} is missing, not a whole number, not positive, or longer than
     *     {@link TokenExpiry#MAX_LIFETIME}
     */
    public static TokenResponse parse(JsonObject json) {
        String token = json.string("access_token").filter(s -> !s.isEmpty())
                .orElseThrow(() -> new IllegalStateException("the response has no access_token"));
        long expiresIn = TokenExpiry.seconds(json, "expires_in")
                .orElseThrow(() -> new IllegalStateException("the response has no expires_in"));
        // Range only; the instant is computed (and checked again by the cache) when the token is made.
        TokenExpiry.lifetime("expires_in", expiresIn, Instant.EPOCH);
        Long refreshIn = json.integer("refresh_in").filter(v -> v > 0).orElse(null);
        return new TokenResponse(token, json.string("token_type").orElse("Bearer"), expiresIn, refreshIn);
    }

    /**
     * Converts to an {@link AccessToken} with the refresh instant of {@link RefreshPolicy}.
     *
     * @param receivedAt when the response arrived
     * @return the token
     */
    public AccessToken toAccessToken(Instant receivedAt) {
        Instant expiresAt = receivedAt.plusSeconds(expiresIn);
        Instant refreshAt = RefreshPolicy.refreshAt(receivedAt, expiresAt,
                refreshIn == null ? null : Duration.ofSeconds(refreshIn));
        return new AccessToken(accessToken, expiresAt, refreshAt, tokenType);
    }

    /** Never shows the token. */
    @Override
    public String toString() {
        return "TokenResponse[tokenType=" + tokenType + ", expiresIn=" + expiresIn + ", refreshIn=" + refreshIn + "]";
    }
}
