package dev.azid.internal.managedidentity;

import dev.azid.AccessToken;
import dev.azid.http.HttpRequest;
import java.util.Map;

/**
 * Service Fabric: {@code GET {IDENTITY_ENDPOINT}?api-version=2019-07-01-preview&resource=R} with a
 * {@code secret} header, over HTTPS whose self-signed certificate is trusted only when its
 * thumbprint equals {@code IDENTITY_SERVER_THUMBPRINT} (the exchange's transport is pinned).
 */
final class ServiceFabricSource implements MiSource {

    private final MiExchange exchange;
    private final String endpoint;
    private final String secret;

    ServiceFabricSource(MiExchange exchange, String endpoint, String secret) {
        this.exchange = exchange;
        this.endpoint = endpoint;
        this.secret = secret;
    }

    @Override
    public String name() {
        return "Service Fabric";
    }

    @Override
    public AccessToken token(String resource) {
        String query = MiExchange.param("api-version=2019-07-01-preview", "resource", resource);
        HttpRequest request = MiExchange.get(endpoint + "?" + query, Map.of("secret", secret));
        return exchange.token(name(), request, exchange.sendExpectingAnswer(name(), request));
    }

    /** Never shows the secret. */
    @Override
    public String toString() {
        return "ServiceFabricSource[" + endpoint + "]";
    }
}
