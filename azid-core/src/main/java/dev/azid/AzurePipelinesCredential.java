package dev.azid;

import static dev.azid.internal.env.EnvironmentVariables.SYSTEM_OIDCREQUESTURI;

import dev.azid.http.HttpRequest;
import dev.azid.internal.credential.CredentialSettings;
import dev.azid.internal.http.RetryPolicy;
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

/**
 * Authenticates an Azure Pipelines service connection (workload identity federation): asks the
 * pipeline for an OIDC token ({@code POST {SYSTEM_OIDCREQUESTURI}?api-version=7.1&serviceConnectionId=ID}
 * with {@code Authorization: Bearer $(System.AccessToken)}) and exchanges it as a client assertion.
 * Thread-safe; building performs no I/O.
 */
public final class AzurePipelinesCredential extends DelegatingCredential {

    /** The credential's name, used in messages and logs. */
    public static final String NAME = "AzurePipelinesCredential";

    private AzurePipelinesCredential(ConfidentialClient client) {
        super(client.tokens());
    }

    /**
     * Starts a builder.
     *
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Builds an {@link AzurePipelinesCredential}. Not thread-safe. {@code tenantId} and {@code clientId}
     * (of the service connection's application) are required.
     */
    public static final class Builder extends EntraCredentialBuilder<Builder> {
        private String serviceConnectionId;
        private String systemAccessToken;
        private String oidcRequestUri;

        private Builder() {
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
            var pipeline = settings.pipelines().pipeline(RetryPolicy.DEFAULT).withRedactor(redactor);
            AssertionAuthentication auth = new AssertionAuthentication(NAME,
                    () -> FederatedTokens.fetch(NAME, pipeline, request, "oidcToken", "Azure Pipelines"),
                    Fingerprints.sha256("pipelines:" + serviceConnectionId), settings.clock());
            return new AzurePipelinesCredential(ConfidentialClients.create(NAME, settings, tenantId, clientId, auth,
                    redactor, persistence));
        }
    }
}
