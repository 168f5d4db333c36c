package dev.azid.emulator.internal;

import dev.azid.emulator.EmulatorConfig.Application;

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
            secret = call.basicCredentials().map(c -> c[1]).orElse(null);
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
                throw new Problem(400, "invalid_request", 700023, "Client assertion type is not supported. Use "
                        + "'urn:ietf:params:oauth:client-assertion-type:jwt-bearer'.");
            }
            assertions.verify(assertion, app, tokenUrls);
            return 2;
        }
        throw new Problem(401, "invalid_client", 7000218,
                "The request body must contain the following parameter: 'client_assertion' or 'client_secret'.");
    }
}
