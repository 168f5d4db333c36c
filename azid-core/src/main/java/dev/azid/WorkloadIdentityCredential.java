package dev.azid;

import static dev.azid.internal.env.EnvironmentVariables.AZURE_AUTHORITY_HOST;
import static dev.azid.internal.env.EnvironmentVariables.AZURE_CLIENT_ID;
import static dev.azid.internal.env.EnvironmentVariables.AZURE_FEDERATED_TOKEN_FILE;
import static dev.azid.internal.env.EnvironmentVariables.AZURE_TENANT_ID;

import dev.azid.http.HttpTransport;
import dev.azid.internal.credential.CredentialSettings;
import dev.azid.internal.http.Sleeper;
import dev.azid.internal.oauth2.AssertionAuthentication;
import dev.azid.internal.credential.ConfidentialClients;
import dev.azid.internal.oauth2.FederatedTokens;
import dev.azid.internal.fingerprint.Fingerprints;
import dev.azid.internal.redact.Redactor;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.DoubleSupplier;

/**
 * Workload identity (AKS, or any OIDC federation through a token file): exchanges the token in
 * {@code AZURE_FEDERATED_TOKEN_FILE} for an Entra token as a client assertion of
 * {@code AZURE_CLIENT_ID} in {@code AZURE_TENANT_ID} at {@code AZURE_AUTHORITY_HOST}. The file is
 * re-read when the copy in memory is older than 5 minutes, so rotated projected tokens are used.
 * Builder values win over the variables. Unavailable when neither gives all three of file, client
 * and tenant; a missing or empty file is a failure naming the path. Thread-safe; no I/O when built.
 */
public final class WorkloadIdentityCredential implements TokenCredential {

    /** The credential's name, used in messages and logs. */
    public static final String NAME = "WorkloadIdentityCredential";

    private final TokenCredential client;
    private final RuntimeException problem;

    private WorkloadIdentityCredential(TokenCredential client, RuntimeException problem) {
        this.client = client;
        this.problem = problem;
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
        if (problem != null) {
            throw problem;
        }
        return client.getToken(request);
    }

    @Override
    public CompletableFuture<AccessToken> getTokenAsync(TokenRequestContext request) {
        return problem != null ? CompletableFuture.failedFuture(problem) : client.getTokenAsync(request);
    }

    @Override
    public String toString() {
        return client == null ? NAME + "[unavailable]" : client.toString();
    }

    /** Builds a {@link WorkloadIdentityCredential}. Not thread-safe. */
    public static final class Builder {
        private final CredentialSettings settings = new CredentialSettings();
        private String tenantId;
        private String clientId;
        private Path tokenFile;

        private Builder() {
        }

        /**
         * Sets the tenant (default {@code AZURE_TENANT_ID}).
         *
         * @param tenantId the tenant
         * @return this builder
         */
        public Builder tenantId(String tenantId) {
            this.tenantId = tenantId;
            return this;
        }

        /**
         * Sets the client id (default {@code AZURE_CLIENT_ID}).
         *
         * @param clientId the client id
         * @return this builder
         */
        public Builder clientId(String clientId) {
            this.clientId = clientId;
            return this;
        }

        /**
         * Sets the token file (default {@code AZURE_FEDERATED_TOKEN_FILE}).
         *
         * @param file the file
         * @return this builder
         */
        public Builder tokenFilePath(Path file) {
            this.tokenFile = file;
            return this;
        }

        /**
         * Sets the authority host (default {@code AZURE_AUTHORITY_HOST}, else the public cloud).
         *
         * @param authorityHost the authority host
         * @return this builder
         */
        public Builder authorityHost(String authorityHost) {
            settings.authorityHost(authorityHost);
            return this;
        }

        /**
         * Allows tokens for these tenants too; {@code *} allows any.
         *
         * @param tenants tenant ids or domains
         * @return this builder
         */
        public Builder additionallyAllowedTenants(String... tenants) {
            settings.additionallyAllowedTenants(Arrays.asList(tenants));
            return this;
        }

        /**
         * Sets where variables are read (default: the process environment).
         *
         * @param environment the environment
         * @return this builder
         */
        public Builder environment(Environment environment) {
            settings.environment(environment);
            return this;
        }

        /**
         * Sets the HTTP transport.
         *
         * @param transport the transport
         * @return this builder
         */
        public Builder httpTransport(HttpTransport transport) {
            settings.transport(transport);
            return this;
        }

        /**
         * Sets the executor for {@code getTokenAsync} and background refreshes.
         *
         * @param executor the executor
         * @return this builder
         */
        public Builder executor(Executor executor) {
            settings.executor(executor);
            return this;
        }

        Builder clock(Clock clock) {
            settings.clock(clock);
            return this;
        }

        Builder sleeper(Sleeper sleeper, DoubleSupplier jitter) {
            settings.sleeper(sleeper, jitter);
            return this;
        }

        /**
         * Builds the credential. Reads variables, not the file.
         *
         * @return the credential
         */
        public WorkloadIdentityCredential build() {
            Environment env = settings.environment();
            // Precedence: builder value > environment variable.
            String tenant = tenantId != null ? tenantId : env.get(AZURE_TENANT_ID).orElse(null);
            String client = clientId != null ? clientId : env.get(AZURE_CLIENT_ID).orElse(null);
            Path file = tokenFile != null ? tokenFile : env.get(AZURE_FEDERATED_TOKEN_FILE).map(Path::of).orElse(null);
            if (settings.authorityHost() == null) {
                env.get(AZURE_AUTHORITY_HOST).ifPresent(v -> settings.authorityHost(v, AZURE_AUTHORITY_HOST));
            }
            settings.additionallyAllowedTenants(env.get("AZURE_ADDITIONALLY_ALLOWED_TENANTS")
                    .map(v -> Arrays.asList(v.split(";"))).orElse(List.of()));
            List<String> missing = new ArrayList<>();
            if (file == null) {
                missing.add(AZURE_FEDERATED_TOKEN_FILE);
            }
            if (client == null) {
                missing.add(AZURE_CLIENT_ID);
            }
            if (tenant == null) {
                missing.add(AZURE_TENANT_ID);
            }
            if (!missing.isEmpty()) {
                return new WorkloadIdentityCredential(null, new CredentialUnavailableException(NAME + ": workload identity "
                        + "is not configured: " + String.join(", ", missing) + (missing.size() == 1 ? " is" : " are")
                        + " not set. On AKS, label the pod azure.workload.identity/use: \"true\" and give it a service "
                        + "account federated with the application; elsewhere set the variables or builder values."));
            }
            try {
                AssertionAuthentication auth = new AssertionAuthentication(NAME, FederatedTokens.file(NAME, file, settings.clock()),
                        Fingerprints.sha256("file:" + file.toAbsolutePath()), settings.clock(), false);
                return new WorkloadIdentityCredential(ConfidentialClients.create(NAME, settings, tenant, client, auth,
                        Redactor.SHAPES), null);
            } catch (IllegalArgumentException e) {
                return new WorkloadIdentityCredential(null, new AuthenticationFailedException(e.getMessage(), e));
            }
        }
    }
}
