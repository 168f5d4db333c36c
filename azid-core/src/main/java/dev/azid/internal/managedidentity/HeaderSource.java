package dev.azid.internal.managedidentity;

import dev.azid.AccessToken;
import dev.azid.AuthenticationFailedException;
import dev.azid.http.HttpRequest;
import dev.azid.internal.managedidentity.IdentityId.Kind;
import java.net.URI;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The managed-identity endpoints that differ only in data: one request to the endpoint the
 * environment names, carrying one header, asking for a resource and, where the protocol can, a
 * user-assigned identity by a query parameter. What differs is in {@link Protocol}.
 *
 * @param protocol which endpoint
 * @param exchange sends and reads the answer
 * @param endpoint the endpoint's URL, checked
 * @param headerValue the header's value (an identity header or secret from the environment)
 * @param id the identity; user-assigned only where the protocol has a parameter for it
 */
record HeaderSource(Protocol protocol, MiExchange exchange, String endpoint, String headerValue, IdentityId id)
        implements MiSource {

    /**
     * One endpoint of this shape: its name in messages, its label in {@code toString}, its query's
     * {@code api-version} ({@code null} for a form POST without one), its header, and the parameter
     * for each kind of user-assigned id it can select.
     */
    record Protocol(String sourceName, String label, String apiVersion, String header, Map<Kind, String> idParameters) {
        /**
         * App Service and Functions: {@code GET {IDENTITY_ENDPOINT}?api-version=2019-08-01&resource=R}
         * with {@code X-IDENTITY-HEADER}; user-assigned by {@code client_id}, {@code mi_res_id} or
         * {@code principal_id}.
         */
        static final Protocol APP_SERVICE = new Protocol("App Service", "AppServiceSource", "2019-08-01",
                "X-IDENTITY-HEADER", Map.of(Kind.CLIENT_ID, "client_id", Kind.RESOURCE_ID, "mi_res_id", Kind.OBJECT_ID, "principal_id"));
        /**
         * Azure ML compute and the legacy App Service protocol:
         * {@code GET {MSI_ENDPOINT}?api-version=2017-09-01&resource=R} with a {@code secret} header;
         * user-assigned only by {@code clientid} (the detector makes Azure ML's
         * {@code DEFAULT_IDENTITY_CLIENT_ID} the default).
         */
        static final Protocol LEGACY_MSI = new Protocol("Azure ML / App Service (2017-09-01)", "LegacyMsiSource",
                "2017-09-01", "secret", Map.of(Kind.CLIENT_ID, "clientid"));
        /**
         * Service Fabric: {@code GET {IDENTITY_ENDPOINT}?api-version=2019-07-01-preview&resource=R} with a
         * {@code secret} header, over HTTPS whose self-signed certificate is trusted only when its
         * thumbprint equals {@code IDENTITY_SERVER_THUMBPRINT} (the exchange's transport is pinned). The
         * detector refuses user-assigned identities.
         */
        static final Protocol SERVICE_FABRIC = new Protocol("Service Fabric", "ServiceFabricSource",
                "2019-07-01-preview", "secret", Map.of());
        /**
         * Azure Cloud Shell: {@code POST {MSI_ENDPOINT}} with form {@code resource=R} and
         * {@code Metadata: true}. It issues the signed-in user's tokens and ignores any client id, so
         * the detector refuses a user-assigned identity rather than let it be silently substituted.
         */
        static final Protocol CLOUD_SHELL = new Protocol("Cloud Shell", "CloudShellSource", null, "Metadata", Map.of());
    }

    HeaderSource {
        if (protocol.idParameters().isEmpty() && id.userAssigned()) {
            // The detector refuses these: such an endpoint would silently serve its own identity instead.
            throw new IllegalArgumentException(protocol.sourceName() + " cannot select a user-assigned identity");
        }
    }

    @Override
    public String name() {
        return protocol.sourceName();
    }

    @Override
    public AccessToken token(String resource) {
        Map<String, String> headers = Map.of(protocol.header(), headerValue);
        HttpRequest request;
        if (protocol.apiVersion() == null) {
            request = HttpRequest.postForm(URI.create(endpoint), headers, MiExchange.param("", "resource", resource),
                    MiExchange.ATTEMPT_TIMEOUT);
        } else {
            if (id.userAssigned() && !protocol.idParameters().containsKey(id.kind())) {
                String supported = protocol.idParameters().keySet().stream().sorted().map(Kind::label)
                        .collect(Collectors.joining(" or "));
                throw new AuthenticationFailedException(exchange.credentialName() + ": the " + name() + " endpoint "
                        + "selects user-assigned identities by " + supported + " only, but " + id.describe() + " was "
                        + "configured. Use the identity's " + supported + ".");
            }
            request = MiExchange.get(endpoint + "?" + query(protocol.apiVersion(), resource, id, protocol.idParameters()),
                    headers);
        }
        return exchange.token(name(), request, exchange.sendExpectingAnswer(name(), request), id);
    }

    /**
     * The query of a managed-identity token request: {@code api-version}, {@code resource}, and a
     * user-assigned identity under the protocol's parameter for its kind.
     *
     * @param apiVersion the protocol's version
     * @param resource the resource
     * @param id the identity; one of a kind without a parameter is not sent
     * @param idParameters the parameter for each kind of user-assigned id
     * @return the query, encoded
     */
    static String query(String apiVersion, String resource, IdentityId id, Map<Kind, String> idParameters) {
        String query = MiExchange.param("api-version=" + apiVersion, "resource", resource);
        String parameter = idParameters.get(id.kind());
        return parameter == null ? query : MiExchange.param(query, parameter, id.value());
    }

    /** Never shows the header's value (an identity header or secret). */
    @Override
    public String toString() {
        return protocol.label() + "[" + endpoint + (protocol.idParameters().isEmpty() ? "" : ", " + id.describe()) + "]";
    }
}
