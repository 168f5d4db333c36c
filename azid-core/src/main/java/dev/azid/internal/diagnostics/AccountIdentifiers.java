package dev.azid.internal.diagnostics;

import dev.azid.internal.json.JsonFormatException;
import dev.azid.internal.json.JsonObject;
import java.util.Base64;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@code enableAccountIdentifierLogging} switch: for each token received from Microsoft Entra ID
 * (or a managed identity endpoint), logs at INFO the client (application) id, tenant id, user
 * principal name and object id that the access token's claims name, as azure-identity does. Only
 * those four claim values are logged, never the token; a token that is not a JWT logs nothing but
 * a DEBUG line saying so.
 */
public final class AccountIdentifiers {

    private static final Logger LOG = LoggerFactory.getLogger(AccountIdentifiers.class);

    /** Payloads larger than this are not decoded: no Entra token comes close. */
    private static final int MAX_PAYLOAD_CHARS = 64 * 1024;

    /** The most of one claim value that is logged. */
    private static final int MAX_CLAIM_CHARS = 256;

    private AccountIdentifiers() {
    }

    /**
     * Logs the identifiers of a token.
     *
     * @param credentialName the credential that received it
     * @param accessToken the token, read here and never logged
     */
    public static void log(String credentialName, String accessToken) {
        Optional<String> line = describe(accessToken);
        if (line.isPresent()) {
            LOG.info("{}: authenticated account: {}.", credentialName, line.get());
        } else {
            LOG.debug("{}: account identifier logging is on, but the access token is not a JWT whose claims can be read; "
                    + "nothing to log.", credentialName);
        }
    }

    /**
     * The identifiers a token's claims name, as one line; the client id is {@code appid} (v1 tokens)
     * or {@code azp} (v2 tokens).
     *
     * @param accessToken the token
     * @return e.g. {@code client id 1b2..., tenant id 72f..., user principal name (none), object id 9a1...}, or
     *     empty when the token is not a readable JWT
     */
    public static Optional<String> describe(String accessToken) {
        if (accessToken == null) {
            return Optional.empty();
        }
        String[] parts = accessToken.split("\\.", 4);
        if (parts.length != 3 || parts[1].isEmpty() || parts[1].length() > MAX_PAYLOAD_CHARS) {
            return Optional.empty();
        }
        JsonObject claims;
        try {
            claims = JsonObject.parse(Base64.getUrlDecoder().decode(parts[1]));
        } catch (IllegalArgumentException | JsonFormatException e) {
            return Optional.empty();
        }
        Optional<String> client = claim(claims, "appid").or(() -> claim(claims, "azp"));
        return Optional.of("client id " + client.orElse("(none)")
                + ", tenant id " + claim(claims, "tid").orElse("(none)")
                + ", user principal name " + claim(claims, "upn").orElse("(none)")
                + ", object id " + claim(claims, "oid").orElse("(none)"));
    }

    private static Optional<String> claim(JsonObject claims, String name) {
        Optional<String> v;
        try {
            v = claims.string(name);
        } catch (JsonFormatException | IllegalStateException e) {
            return Optional.empty();
        }
        return v.filter(s -> !s.isBlank()).map(s -> UnsafeHttpLog.bounded(s, MAX_CLAIM_CHARS));
    }
}
