package dev.azid.internal.managedidentity;

import dev.azid.AccessToken;
import dev.azid.internal.cache.RefreshPolicy;
import dev.azid.internal.json.JsonFormatException;
import dev.azid.internal.json.JsonObject;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/**
 * Reads every managed-identity token answer: {@code access_token}; expiry from {@code expires_on}
 * (epoch seconds as a number or string, or the legacy {@code MM/dd/yyyy HH:mm:ss +00:00} date) or
 * else {@code expires_in}; {@code refresh_in} when given, else half the lifetime for tokens that
 * live 2 hours or more. Throws only {@link IllegalStateException} naming the field, never a value.
 */
public final class MiTokenParser {

    private static final DateTimeFormatter LEGACY = DateTimeFormatter.ofPattern("MM/dd/yyyy HH:mm:ss XXX");

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
        JsonObject json;
        try {
            json = JsonObject.parse(body);
        } catch (JsonFormatException e) {
            throw new IllegalStateException("the answer is not JSON (" + e.getMessage() + ")");
        }
        try {
            String token = json.string("access_token").filter(s -> !s.isBlank())
                    .orElseThrow(() -> new IllegalStateException("the answer has no access_token"));
            Instant expiresAt = expiresOn(json).or(() -> json.integer("expires_in").map(now::plusSeconds))
                    .orElseThrow(() -> new IllegalStateException("the answer has neither expires_on nor expires_in"));
            Duration refreshIn = json.integer("refresh_in").filter(v -> v > 0).map(Duration::ofSeconds).orElse(null);
            return new AccessToken(token, expiresAt, RefreshPolicy.refreshAt(now, expiresAt, refreshIn),
                    json.string("token_type").orElse("Bearer"));
        } catch (JsonFormatException e) {
            throw new IllegalStateException("the answer has a malformed field (" + e.getMessage() + ")");
        }
    }

    private static Optional<Instant> expiresOn(JsonObject json) {
        Optional<String> text = json.string("expires_on").map(String::trim).filter(s -> !s.isEmpty());
        if (text.isEmpty()) {
            return Optional.empty();
        }
        String v = text.get();
        if (v.matches("\\d{1,12}")) {
            return Optional.of(Instant.ofEpochSecond(Long.parseLong(v)));
        }
        try {
            return Optional.of(ZonedDateTime.parse(v, LEGACY).toInstant());
        } catch (DateTimeParseException e) {
            throw new IllegalStateException("expires_on is neither epoch seconds nor a date like 11/24/2026 14:30:00 +00:00");
        }
    }
}
