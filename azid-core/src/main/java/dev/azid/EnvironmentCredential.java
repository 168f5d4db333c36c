package dev.azid;

import dev.azid.http.HttpTransport;
import dev.azid.internal.credential.EnvironmentConfig;
import dev.azid.internal.http.Sleeper;
import dev.azid.internal.oauth2.ConfidentialClient;
import java.time.Clock;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.DoubleSupplier;

/**
 * Authenticates a service principal configured by environment variables.
 *
 * <p>Reads, when built: {@code AZURE_TENANT_ID}, {@code AZURE_CLIENT_ID} and
 * {@code AZURE_CLIENT_SECRET} (a client secret); {@code AZURE_AUTHORITY_HOST} (default
 * {@code https://login.microsoftonline.com}); {@code AZURE_ADDITIONALLY_ALLOWED_TENANTS}
 * ({@code ;}-separated, {@code *} for any). The certificate ({@code AZURE_CLIENT_CERTIFICATE_PATH})
 * and username/password variable sets are not supported yet: the credential is then unavailable
 * and says so.
 *
 * <p>{@link #getToken} throws {@link CredentialUnavailableException} when the variables are
 * missing or incomplete (naming which are set and which are missing, never their values), and
 * {@link AuthenticationFailedException} when they hold an invalid value such as a non-HTTPS
 * authority host. Thread-safe; building performs no I/O.
 */
public final class EnvironmentCredential implements TokenCredential {

    /** The credential's name, used in messages and logs. */
    public static final String NAME = "EnvironmentCredential";

    private final ConfidentialClient client;
    private final RuntimeException problem;

    private EnvironmentCredential(ConfidentialClient client, RuntimeException problem) {
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
        return client != null ? client.toString() : NAME + "[unavailable]";
    }

    /** Builds an {@link EnvironmentCredential}. Not thread-safe. */
    public static final class Builder {
        private final ClientSecretCredential.Builder delegate = ClientSecretCredential.builder();
        private Environment environment = Environment.system();

        private Builder() {
        }

        /**
         * Sets where variables are read (default: the process environment).
         *
         * @param environment the environment
         * @return this builder
         */
        public Builder environment(Environment environment) {
            this.environment = java.util.Objects.requireNonNull(environment, "environment");
            return this;
        }

        /**
         * Sets the HTTP transport.
         *
         * @param transport the transport
         * @return this builder
         */
        public Builder httpTransport(HttpTransport transport) {
            delegate.httpTransport(transport);
            return this;
        }

        /**
         * Sets the executor for {@code getTokenAsync} and background refreshes.
         *
         * @param executor the executor
         * @return this builder
         */
        public Builder executor(Executor executor) {
            delegate.executor(executor);
            return this;
        }

        Builder clock(Clock clock) {
            delegate.clock(clock);
            return this;
        }

        Builder sleeper(Sleeper sleeper, DoubleSupplier jitter) {
            delegate.sleeper(sleeper, jitter);
            return this;
        }

        /**
         * Reads the environment and builds the credential. Never throws for the variables' content:
         * problems are reported by {@code getToken}.
         *
         * @return the credential
         */
        public EnvironmentCredential build() {
            EnvironmentConfig config = EnvironmentConfig.read(environment, NAME);
            if (config instanceof EnvironmentConfig.Unavailable u) {
                return new EnvironmentCredential(null, new CredentialUnavailableException(u.reason()));
            }
            EnvironmentConfig.ClientSecret s = (EnvironmentConfig.ClientSecret) config;
            delegate.tenantId(s.tenantId()).clientId(s.clientId()).clientSecret(s.clientSecret())
                    .additionallyAllowedTenants(s.additionallyAllowedTenants().toArray(String[]::new));
            if (s.authorityHost() != null) {
                delegate.authorityHost(s.authorityHost());
            }
            try {
                return new EnvironmentCredential(delegate.buildClient(NAME), null);
            } catch (IllegalArgumentException e) {
                // A variable holds a value that can never work: stop a chain rather than fall through
                // to another identity.
                return new EnvironmentCredential(null, new AuthenticationFailedException(
                        e.getMessage().replace(NAME + ": tenantId", NAME + ": AZURE_TENANT_ID")
                                .replace(NAME + ": authorityHost", NAME + ": AZURE_AUTHORITY_HOST")
                                .replace(NAME + ": additionallyAllowedTenants", NAME + ": AZURE_ADDITIONALLY_ALLOWED_TENANTS"),
                        e));
            }
        }
    }
}
