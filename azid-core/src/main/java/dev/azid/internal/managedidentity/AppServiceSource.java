package dev.azid.internal.managedidentity;

import dev.azid.AccessToken;
import dev.azid.http.HttpRequest;
import java.util.Map;

/**
 * App Service and Functions (2019-08-01): {@code GET {IDENTITY_ENDPOINT}?api-version=2019-08-01&resource=R}
 * with {@code X-IDENTITY-HEADER}; user-assigned by {@code client_id}, {@code mi_res_id} or
 * {@code principal_id}.
 */
final class AppServiceSource implements MiSource {

    private final MiExchange exchange;
    private final String endpoint;
    private final String header;
    private final IdentityId id;

    AppServiceSource(MiExchange exchange, String endpoint, String header, IdentityId id) {
        this.exchange = exchange;
        this.endpoint = endpoint;
        this.header = header;
        this.id = id;
    }

    @Override
    public String name() {
        return "App Service";
    }

    @Override
    public AccessToken token(String resource) {
        String query = MiExchange.param("api-version=2019-08-01", "resource", resource);
        query = switch (id.kind()) {
            case CLIENT_ID -> MiExchange.param(query, "client_id", id.value());
            case RESOURCE_ID -> MiExchange.param(query, "mi_res_id", id.value());
            case OBJECT_ID -> MiExchange.param(query, "principal_id", id.value());
            case SYSTEM -> query;
        };
        HttpRequest request = MiExchange.get(endpoint + "?" + query,
                Map.of("X-IDENTITY-HEADER", header));
        return exchange.token(name(), request, exchange.sendExpectingAnswer(name(), request), id);
    }

    /** Never shows the identity header. */
    @Override
    public String toString() {
        return "AppServiceSource[" + endpoint + ", " + id.describe() + "]";
    }
}
