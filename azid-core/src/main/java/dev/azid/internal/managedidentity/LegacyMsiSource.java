package dev.azid.internal.managedidentity;

import dev.azid.AccessToken;
import dev.azid.AuthenticationFailedException;
import dev.azid.http.HttpRequest;
import java.util.Map;

/**
 * Azure ML compute and the legacy App Service protocol (2017-09-01):
 * {@code GET {MSI_ENDPOINT}?api-version=2017-09-01&resource=R} with a {@code secret} header;
 * user-assigned only by {@code clientid}; Azure ML's {@code DEFAULT_IDENTITY_CLIENT_ID} is the default.
 */
final class LegacyMsiSource implements MiSource {

    private final MiExchange exchange;
    private final String endpoint;
    private final String secret;
    private final IdentityId id;

    LegacyMsiSource(MiExchange exchange, String endpoint, String secret, IdentityId id) {
        this.exchange = exchange;
        this.endpoint = endpoint;
        this.secret = secret;
        this.id = id;
    }

    @Override
    public String name() {
        return "Azure ML / App Service (2017-09-01)";
    }

    @Override
    public AccessToken token(String resource) {
        if (id.kind() == IdentityId.Kind.RESOURCE_ID || id.kind() == IdentityId.Kind.OBJECT_ID) {
            throw new AuthenticationFailedException(exchange.credentialName() + ": the " + name() + " endpoint selects "
                    + "user-assigned identities by client id only, but " + id.describe() + " was configured. Use the "
                    + "identity's client id.");
        }
        String query = MiExchange.param("api-version=2017-09-01", "resource", resource);
        query = MiExchange.param(query, "clientid", id.value());
        HttpRequest request = MiExchange.get(endpoint + "?" + query, Map.of("secret", secret));
        return exchange.token(name(), request, exchange.sendExpectingAnswer(name(), request), id);
    }

    /** Never shows the secret. */
    @Override
    public String toString() {
        return "LegacyMsiSource[" + endpoint + ", " + id.describe() + "]";
    }
}
