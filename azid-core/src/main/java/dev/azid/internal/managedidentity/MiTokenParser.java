package dev.azid.internal.managedidentity;

import dev.azid.AccessToken;
import dev.azid.internal.cache.RefreshPolicy;
import dev.azid.internal.cache.TokenExpiry;
import dev.azid.internal.json.JsonFormatException;
import dev.azid.internal.json.JsonObject;
import java.time.Duration;
import java.time.Instant;
import java.util.OptionalLong;

/**
 * Reads every managed-identity token answer: {@code access_token}; expiry from {@code expires_on}
 * (the forms of {@link MiExpiry}) or else {@code expires_in} (whole seconds); {@code refresh_in} when
 * given, else half the lifetime for tokens that live 2 hours or more. An expiry that is missing,
 * malformed, already past or more than {@link TokenExpiry#MAX_LIFETIME} away is refused. Throws only
 * {@link IllegalStateException} naming the field, never a value of the answer.
 */
public final class MiTokenParser {

    private MiTokenParser() {
    }

    /**
     * Parses an answer.
     *
     * @param body the JSON
     * @param now when it arrived
     * @return the token
     */
    public static AccessToken parse(byte[] body, Instant now) {
        return parse(json(body), now);
    }

    /**
     * Parses the JSON of an answer.
     *
     * @param json the answer
     * @param now when it arrived
     * @return the token
     */
    static AccessToken parse(JsonObject json, Instant now) {
        try {
            String token = json.string("access_token").filter(s -> !s.isBlank())
                    .orElseThrow(() -> new IllegalStateException("the answer has no access_token"));
            Instant expiresAt = MiExpiry.expiresOn(json, now).orElseGet(() -> {
                OptionalLong in = TokenExpiry.seconds(json, "expires_in");
                if (in.isEmpty()) {
                    throw new IllegalStateException("the answer has neither expires_on nor expires_in");
                }
                return TokenExpiry.lifetime("expires_in", in.getAsLong(), now);
            });
            Duration refreshIn = json.integer("refresh_in").filter(v -> v > 0).map(Duration::ofSeconds).orElse(null);
            return new AccessToken(token, expiresAt, RefreshPolicy.refreshAt(now, expiresAt, refreshIn),
                    json.string("token_type").orElse("Bearer"));
        } catch (JsonFormatException e) {
            throw new IllegalStateException("the answer has a malformed field (" + e.getMessage() + ")");
        }
    }

    /**
     * Parses the body as a JSON object.
     *
     * @param body the body
     * @return the object
     * @throws IllegalStateException when it is not JSON
     */
    static JsonObject json(byte[] body) {
        try {
            return JsonObject.parse(body);
        } catch (JsonFormatException e) {
            throw new IllegalStateException("the answer is not JSON (" + e.getMessage() + ")");
        }
    }
}
