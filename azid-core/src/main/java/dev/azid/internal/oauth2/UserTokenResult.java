package dev.azid.internal.oauth2;

import dev.azid.AccessToken;
import dev.azid.internal.json.JsonFormatException;
import dev.azid.internal.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * A user sign-in's answer: the access token, the refresh token, and who signed in (from
 * {@code client_info} and the {@code id_token}; never verified here, only used to name the account).
 *
 * @param token the access token
 * @param refreshToken the refresh token, or {@code null}
 * @param username the user's sign-in name, or {@code null}
 * @param homeAccountId {@code uid.utid} from {@code client_info}, or {@code null}
 * @param tenantId the user's tenant, or {@code null}
 */
public record UserTokenResult(AccessToken token, String refreshToken, String username, String homeAccountId,
        String tenantId) {

    /**
     * Reads the user fields of a token response.
     *
     * @param json the response
     * @param token the access token already parsed from it
     * @return the result
     */
    public static UserTokenResult from(JsonObject json, AccessToken token) {
        String refresh = json.string("refresh_token").filter(s -> !s.isBlank()).orElse(null);
        String username = null;
        String tenant = null;
        String home = null;
        try {
            String idToken = json.string("id_token").orElse(null);
            if (idToken != null && idToken.split("\\.").length >= 2) {
                JsonObject claims = JsonObject.parse(Base64.getUrlDecoder().decode(idToken.split("\\.")[1]));
                username = claims.string("preferred_username").or(() -> claims.string("upn")).orElse(null);
                tenant = claims.string("tid").orElse(null);
            }
            String clientInfo = json.string("client_info").orElse(null);
            if (clientInfo != null) {
                JsonObject info = JsonObject.parse(new String(Base64.getUrlDecoder().decode(clientInfo), StandardCharsets.UTF_8));
                home = info.string("uid").orElse("") + "." + info.string("utid").orElse("");
            }
        } catch (JsonFormatException | IllegalArgumentException e) {
            // The account's name is informative only: a malformed id_token or client_info leaves it unknown.
        }
        return new UserTokenResult(token, refresh, username, home, tenant);
    }

    /** Never shows the tokens. */
    @Override
    public String toString() {
        return "UserTokenResult[username=" + username + ", tenantId=" + tenantId + ", refreshToken="
                + (refreshToken == null ? "none" : "<redacted>") + "]";
    }
}
