package dev.azid.emulator.internal;

import dev.azid.emulator.Call;
import dev.azid.emulator.EmulatorConfig.Application;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;

/** Checks a confidential client's proof: a secret (form or HTTP Basic) or a client assertion. */
final class ClientAuthenticator {

    private final AssertionVerifier assertions;

    ClientAuthenticator(AssertionVerifier assertions) {
        this.assertions = assertions;
    }

    /**
     * Authenticates the client.
     *
     * @param call the request
     * @param app the application named by {@code client_id}
     * @param tokenUrls the URLs this token endpoint is reachable at (assertion audiences)
     * @return {@code 1} for a secret, {@code 2} for a certificate (the {@code appidacr} value)
     * @throws Problem with the error Entra ID answers
     */
    int authenticate(Call call, Application app, java.util.List<String> tokenUrls) {
        String secret = call.form().get("client_secret");
        if (secret == null) {
            secret = basicCredentials(call).map(c -> c[1]).orElse(null);
        }
        String assertion = call.form().get("client_assertion");
        if (secret != null) {
            if (!app.secrets().contains(secret)) {
                throw new Problem(401, "invalid_client", 7000215, "Invalid client secret provided. Ensure the secret being "
                        + "sent in the request is the client secret value, not the client secret ID, for a secret added to "
                        + "app '" + app.clientId() + "'.");
            }
            return 1;
        }
        if (assertion != null) {
            if (!"urn:ietf:params:oauth:client-assertion-type:jwt-bearer".equals(call.form().get("client_assertion_type"))) {
                throw new Problem(400, "invalid_request", 90011, "Unexpected client assertion type. Use "
                        + "'urn:ietf:params:oauth:client-assertion-type:jwt-bearer'.");
            }
            assertions.verify(assertion, app, tokenUrls);
            return 2;
        }
        if ("client_credentials".equals(call.form().get("grant_type"))) {
            throw new Problem(401, "invalid_client", 7000216, "'client_assertion', 'client_secret' or 'request' is "
                    + "required for the 'client_credentials' grant type.");
        }
        throw new Problem(401, "invalid_client", 7000218,
                "The request body must contain the following parameter: 'client_assertion' or 'client_secret'.");
    }

    /**
     * The client id and secret of an HTTP Basic {@code Authorization} header (RFC 6749 2.3.1: both
     * form-urlencoded before base64).
     *
     * @param call the request
     * @return {@code [clientId, secret]}, or empty
     */
    static Optional<String[]> basicCredentials(Call call) {
        return call.header("Authorization").filter(h -> h.regionMatches(true, 0, "Basic ", 0, 6)).flatMap(h -> {
            try {
                String decoded = new String(Base64.getDecoder().decode(h.substring(6).trim()), StandardCharsets.UTF_8);
                int colon = decoded.indexOf(':');
                if (colon < 0) {
                    return Optional.empty();
                }
                return Optional.of(new String[] {URLDecoder.decode(decoded.substring(0, colon), StandardCharsets.UTF_8),
                    URLDecoder.decode(decoded.substring(colon + 1), StandardCharsets.UTF_8)});
            } catch (IllegalArgumentException e) {
                return Optional.empty();
            }
        });
    }
}
