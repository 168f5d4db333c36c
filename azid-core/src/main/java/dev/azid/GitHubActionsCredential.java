package dev.azid;

import dev.azid.internal.credential.CredentialSettings.Variables;
import dev.azid.internal.credential.CredentialSettings.Sourced;
import static dev.azid.internal.env.EnvironmentVariables.ACTIONS_ID_TOKEN_REQUEST_TOKEN;
import static dev.azid.internal.env.EnvironmentVariables.ACTIONS_ID_TOKEN_REQUEST_URL;
import static dev.azid.internal.env.EnvironmentVariables.AZURE_CLIENT_ID;
import static dev.azid.internal.env.EnvironmentVariables.AZURE_TENANT_ID;

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
import java.time.Duration;
import java.util.Map;

/**
 * Authenticates a GitHub Actions job federated with an Entra application (what {@code azure/login}
 * does): {@code GET $ACTIONS_ID_TOKEN_REQUEST_URL&audience=api://AzureADTokenExchange} with
 * {@code Authorization: Bearer $ACTIONS_ID_TOKEN_REQUEST_TOKEN} gives an OIDC token, exchanged as a
 * client assertion of {@code AZURE_CLIENT_ID} in {@code AZURE_TENANT_ID}. The job needs
 * {@code permissions: id-token: write}. Thread-safe; building performs no I/O.
 */
public final class GitHubActionsCredential extends DelegatingCredential {

    /** The credential's name, used in messages and logs. */
    public static final String NAME = "GitHubActionsCredential";

    /** The audience Entra ID expects in federated tokens. */
    public static final String AUDIENCE = "api://AzureADTokenExchange";

    private GitHubActionsCredential(ConfidentialClient client) {
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
     * Builds a {@link GitHubActionsCredential}. Not thread-safe. {@code tenantId} and {@code clientId}
     * default to {@code AZURE_TENANT_ID} and {@code AZURE_CLIENT_ID}.
     */
    public static final class Builder extends EntraCredentialBuilder<Builder> {

        private Builder() {
        }

        /**
         * Builds the credential. Performs no I/O.
         *
         * @return the credential
         * @throws IllegalArgumentException naming a missing setting or variable, or a request URL that
         *     breaks the endpoint rule
         */
        public GitHubActionsCredential build() {
            CredentialSettings settings = options.settings();
            Environment env = settings.environment();
            String url = env.get(ACTIONS_ID_TOKEN_REQUEST_URL).orElseThrow(() -> new IllegalArgumentException(NAME
                    + ": ACTIONS_ID_TOKEN_REQUEST_URL is not set. Give the job 'permissions: id-token: write'."));
            String bearer = env.get(ACTIONS_ID_TOKEN_REQUEST_TOKEN).orElseThrow(() -> new IllegalArgumentException(NAME
                    + ": ACTIONS_ID_TOKEN_REQUEST_TOKEN is not set. Give the job 'permissions: id-token: write'."));
            // Precedence: builder value > environment variable.
            String tenant = tenantId != null ? tenantId : env.get(AZURE_TENANT_ID).orElse(null);
            String client = clientId != null ? clientId : env.get(AZURE_CLIENT_ID).orElse(null);
            URI checked = EndpointUrl.check(url, NAME + ": ACTIONS_ID_TOKEN_REQUEST_URL", UrlUse.OIDC_REQUEST);
            HttpRequest request = HttpRequest.get(URI.create(checked + (checked.getRawQuery() != null ? "&" : "?")
                    + "audience=" + AUDIENCE),
                    Map.of("Authorization", "Bearer " + bearer, "Accept", "application/json"), Duration.ofSeconds(30));
            Redactor redactor = Redactor.withSecrets(bearer);
            var pipeline = settings.pipelines().pipeline(RetryPolicy.DEFAULT).withRedactor(redactor);
            AssertionAuthentication auth = new AssertionAuthentication(NAME,
                    () -> FederatedTokens.fetch(NAME, pipeline, request, "value", "GitHub Actions"),
                    Fingerprints.sha256("github:" + url), settings.clock());
            return new GitHubActionsCredential(ConfidentialClients.create(NAME, settings, Variables.SHARED,
                    new Sourced<>(tenant, tenantId != null ? "tenantId" : AZURE_TENANT_ID), client, auth, redactor,
                    persistence));
        }
    }
}
