package dev.azid;

import static dev.azid.internal.env.EnvironmentVariables.SYSTEM_OIDCREQUESTURI;

import dev.azid.http.HttpRequest;
import dev.azid.internal.credential.CredentialSettings;
import dev.azid.internal.http.RetryOptions;
import dev.azid.internal.oauth2.AssertionAuthentication;
import dev.azid.internal.oauth2.ConfidentialClient;
import dev.azid.internal.credential.ConfidentialClients;
import dev.azid.internal.oauth2.FederatedTokens;
import dev.azid.internal.fingerprint.Fingerprints;
import dev.azid.internal.redact.Redactor;
import dev.azid.internal.util.EndpointUrl;
import dev.azid.internal.util.UrlUse;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * Authenticates an Azure Pipelines service connection (workload identity federation): asks the
 * pipeline for an OIDC token ({@code POST {SYSTEM_OIDCREQUESTURI}?api-version=7.1&serviceConnectionId=ID}
 * with {@code Authorization: Bearer $(System.AccessToken)}) and exchanges it as a client assertion.
 * Thread-safe; building performs no I/O.
 */
public final class AzurePipelinesCredential implements TokenCredential {

    /** The credential's name, used in messages and logs. */
    public static final String NAME = "AzurePipelinesCredential";

    private final ConfidentialClient client;

    private AzurePipelinesCredential(ConfidentialClient client) {
        this.client = client;
    }

    /**
     * Starts a builder.
     *
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder();
    }

    @Override
    public AccessToken getToken(TokenRequestContext request) {
        return client.getToken(request);
    }

    @Override
    public CompletableFuture<AccessToken> getTokenAsync(TokenRequestContext request) {
        return client.getTokenAsync(request);
    }

    @Override
    public String toString() {
        return client.toString();
    }

    /** Builds an {@link AzurePipelinesCredential}. Not thread-safe. */
    public static final class Builder {
        private CredentialOptions options = CredentialOptions.defaults();
        private String tenantId;
        private String clientId;
        private String serviceConnectionId;
        private String systemAccessToken;
        private String oidcRequestUri;

        private Builder() {
        }

        /**
         * Sets what this credential shares with every credential: authority host or cloud, HTTP
         * transport, executor, environment, additionally allowed tenants (default
         * {@link CredentialOptions#defaults()}).
         *
         * @param options the options
         * @return this builder
         */
        public Builder options(CredentialOptions options) {
            this.options = java.util.Objects.requireNonNull(options, "options");
            return this;
        }

        /**
         * Sets the tenant of the service connection's application (required).
         *
         * @param value the tenant
         * @return this builder
         */
        public Builder tenantId(String value) {
            this.tenantId = value;
            return this;
        }

        /**
         * Sets the client id of the service connection's application (required).
         *
         * @param value the client id
         * @return this builder
         */
        public Builder clientId(String value) {
            this.clientId = value;
            return this;
        }

        /**
         * Sets the service connection's id (required).
         *
         * @param value the id
         * @return this builder
         */
        public Builder serviceConnectionId(String value) {
            this.serviceConnectionId = value;
            return this;
        }

        /**
         * Sets the job's access token, {@code $(System.AccessToken)} (required).
         *
         * @param value the token
         * @return this builder
         */
        public Builder systemAccessToken(String value) {
            this.systemAccessToken = value;
            return this;
        }

        /**
         * Sets the OIDC request URI (default {@code SYSTEM_OIDCREQUESTURI}).
         *
         * @param value the URI
         * @return this builder
         */
        public Builder oidcRequestUri(String value) {
            this.oidcRequestUri = value;
            return this;
        }

        /**
         * Builds the credential. Performs no I/O.
         *
         * @return the credential
         * @throws IllegalArgumentException naming a missing setting, or a request URL that breaks the
         *     endpoint rule
         */
        public AzurePipelinesCredential build() {
            CredentialSettings settings = options.settings();
            ConfidentialClients.require(serviceConnectionId, NAME, "serviceConnectionId", "the service connection's id");
            ConfidentialClients.require(systemAccessToken, NAME, "systemAccessToken", "$(System.AccessToken)");
            // Precedence: builder value > SYSTEM_OIDCREQUESTURI.
            String uri = oidcRequestUri != null ? oidcRequestUri
                    : settings.environment().get(SYSTEM_OIDCREQUESTURI).orElseThrow(() -> new IllegalArgumentException(
                            NAME + ": SYSTEM_OIDCREQUESTURI is not set. Run inside an Azure Pipelines job, or call "
                                    + "oidcRequestUri(...)."));
            String source = oidcRequestUri != null ? "oidcRequestUri" : SYSTEM_OIDCREQUESTURI;
            URI checked = EndpointUrl.check(uri, NAME + ": " + source, UrlUse.OIDC_REQUEST);
            URI url = URI.create(checked + (checked.getRawQuery() != null ? "&" : "?") + "api-version=7.1&serviceConnectionId="
                    + URLEncoder.encode(serviceConnectionId, StandardCharsets.UTF_8));
            HttpRequest request = new HttpRequest("POST", url, Map.of("Authorization", "Bearer " + systemAccessToken,
                    "Content-Type", "application/json", "Accept", "application/json"),
                    "{}".getBytes(StandardCharsets.UTF_8), Duration.ofSeconds(30));
            Redactor redactor = Redactor.withSecrets(systemAccessToken);
            var pipeline = settings.pipeline(RetryOptions.DEFAULT).withRedactor(redactor);
            AssertionAuthentication auth = new AssertionAuthentication(NAME,
                    () -> FederatedTokens.fetch(NAME, pipeline, request, "oidcToken", "Azure Pipelines"),
                    Fingerprints.sha256("pipelines:" + serviceConnectionId), settings.clock());
            return new AzurePipelinesCredential(ConfidentialClients.create(NAME, settings, tenantId, clientId, auth,
                    redactor));
        }
    }
}
