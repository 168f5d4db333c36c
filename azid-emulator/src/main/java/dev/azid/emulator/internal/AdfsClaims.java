package dev.azid.emulator.internal;

import dev.azid.emulator.EmulatorConfig.Application;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The claims of an AD FS (2016 and later) app-only access token: issuer
 * {@code http://<host>/adfs/services/trust} (AD FS's {@code access_token_issuer}, {@code http} even
 * though it is served over HTTPS), {@code appid}, {@code apptype}, {@code authmethod},
 * {@code auth_time} and {@code ver} 1.0, and none of Entra's tenant claims ({@code tid}, {@code oid},
 * {@code idp}, {@code rh}, {@code uti}): AD FS has a single realm.
 */
final class AdfsClaims {

    private static final String AUTH_METHOD = "http://schemas.microsoft.com/ws/2008/06/identity/authenticationmethod/";

    private AdfsClaims() {
    }

    /**
     * The issuer of AD FS access tokens at a base URL.
     *
     * @param baseUrl e.g. {@code https://127.0.0.1:1234}
     * @return e.g. {@code http://127.0.0.1:1234/adfs/services/trust}
     */
    static String accessTokenIssuer(String baseUrl) {
        return "http://" + baseUrl.replaceFirst("^https?://", "") + "/adfs/services/trust";
    }

    /**
     * The claims.
     *
     * @param baseUrl the listener's base URL
     * @param app the client
     * @param audience the resource's identifier
     * @param acr 1 for a secret, 2 for a certificate
     * @param now the issue time
     * @param lifetime seconds
     * @return the claims
     */
    static Map<String, Object> of(String baseUrl, Application app, String audience, int acr, Instant now, long lifetime) {
        Map<String, Object> c = new LinkedHashMap<>();
        c.put("aud", audience);
        c.put("iss", accessTokenIssuer(baseUrl));
        c.put("iat", now.getEpochSecond());
        c.put("nbf", now.getEpochSecond());
        c.put("exp", now.getEpochSecond() + lifetime);
        c.put("apptype", "Confidential");
        c.put("appid", app.clientId());
        c.put("authmethod", AUTH_METHOD + (acr == 2 ? "x509" : "password"));
        c.put("auth_time", now.toString());
        c.put("ver", "1.0");
        if (!app.roles().isEmpty()) {
            c.put("roles", app.roles());
        }
        return c;
    }
}
