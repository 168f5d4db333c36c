package dev.azid.internal.devtools;

import dev.azid.AccessToken;
import dev.azid.internal.cache.RefreshPolicy;
import dev.azid.internal.cache.TokenExpiry;
import dev.azid.internal.json.JsonFormatException;
import dev.azid.internal.json.JsonObject;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.util.OptionalLong;
import java.time.temporal.ChronoField;

/**
 * Reads {@code az account get-access-token --output json}: {@code accessToken}, and the expiry from
 * {@code expires_on} (epoch seconds, az 2.54 and later) or else {@code expiresOn} (a naive local
 * time, {@code yyyy-MM-dd HH:mm:ss.ffffff}, read in the machine's time zone). An expiry that is already
 * past, or further away than {@link TokenExpiry#MAX_LIFETIME}, is refused.
 */
public final class AzureCliOutput {

    private static final DateTimeFormatter LOCAL = new DateTimeFormatterBuilder()
            .appendPattern("yyyy-MM-dd HH:mm:ss")
            .optionalStart().appendFraction(ChronoField.NANO_OF_SECOND, 0, 9, true).optionalEnd()
            .toFormatter();

    private AzureCliOutput() {
    }

    /**
     * Parses the output.
     *
     * @param stdout the JSON printed by az
     * @param now the current instant, for the refresh policy
     * @param localZone the zone {@code expiresOn} is written in
     * @return the token
     * @throws IllegalStateException naming what is missing or malformed, never a value
     */
    public static AccessToken parse(String stdout, Instant now, ZoneId localZone) {
        JsonObject json;
        try {
            json = JsonObject.parse(stdout);
        } catch (JsonFormatException e) {
            throw new IllegalStateException("its output is not JSON (" + e.getMessage() + ")");
        }
        try {
            String token = json.string("accessToken").filter(s -> !s.isBlank())
                    .orElseThrow(() -> new IllegalStateException("its output has no accessToken"));
            OptionalLong epoch = TokenExpiry.seconds(json, "expires_on");
            Instant expiresAt = epoch.isPresent()
                    ? TokenExpiry.epoch("its expires_on", epoch.getAsLong(), now)
                    : TokenExpiry.instant("its expiresOn", LocalDateTime.parse(json.string("expiresOn")
                            .orElseThrow(() -> new IllegalStateException("its output has neither expires_on nor expiresOn"))
                            .trim(), LOCAL).atZone(localZone).toInstant(), now);
            return new AccessToken(token, expiresAt, RefreshPolicy.refreshAt(now, expiresAt, null),
                    json.string("tokenType").orElse("Bearer"));
        } catch (JsonFormatException e) {
            throw new IllegalStateException("its output has a malformed field (" + e.getMessage() + ")");
        } catch (DateTimeParseException e) {
            throw new IllegalStateException("its expiresOn is not a date like 2026-11-24 15:00:00.000000");
        }
    }
}
