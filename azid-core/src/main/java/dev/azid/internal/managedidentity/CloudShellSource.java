package dev.azid.internal.managedidentity;

import dev.azid.AccessToken;
import dev.azid.http.HttpRequest;
import java.net.URI;
import java.util.Map;

/**
 * Azure Cloud Shell: {@code POST {MSI_ENDPOINT}} with form {@code resource=R} and
 * {@code Metadata: true}. It issues the signed-in user's tokens and ignores any client id, so a
 * user-assigned identity is refused before any request rather than silently substituted.
 */
final class CloudShellSource implements MiSource {

    private final MiExchange exchange;
    private final String endpoint;

    CloudShellSource(MiExchange exchange, String endpoint) {
        this.exchange = exchange;
        this.endpoint = endpoint;
    }

    @Override
    public String name() {
        return "Cloud Shell";
    }

    @Override
    public AccessToken token(String resource) {
        HttpRequest request = HttpRequest.postForm(URI.create(endpoint), Map.of("Metadata", "true"),
                MiExchange.param("", "resource", resource), MiExchange.ATTEMPT_TIMEOUT);
        return exchange.token(name(), request, exchange.sendExpectingAnswer(name(), request));
    }

    @Override
    public String toString() {
        return "CloudShellSource[" + endpoint + "]";
    }
}
