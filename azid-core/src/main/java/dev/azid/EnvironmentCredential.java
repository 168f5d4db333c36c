package dev.azid;

import dev.azid.http.HttpTransport;
import dev.azid.internal.credential.EnvironmentConfig;
import dev.azid.internal.http.Sleeper;
import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.DoubleSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Authenticates a service principal (or, deprecated, a user) configured by environment variables.
 *
 * <p>Read when built; the first complete set wins:
 * <ol>
 *   <li>{@code AZURE_TENANT_ID} + {@code AZURE_CLIENT_ID} + {@code AZURE_CLIENT_SECRET}: a client secret;</li>
 *   <li>{@code AZURE_TENANT_ID} + {@code AZURE_CLIENT_ID} + {@code AZURE_CLIENT_CERTIFICATE_PATH}
 *       (+ {@code AZURE_CLIENT_CERTIFICATE_PASSWORD}, + {@code AZURE_CLIENT_SEND_CERTIFICATE_CHAIN}
 *       {@code true}/{@code 1}): a PEM or PFX certificate;</li>
 *   <li>{@code AZURE_CLIENT_ID} + {@code AZURE_USERNAME} + {@code AZURE_PASSWORD} (+ {@code AZURE_TENANT_ID},
 *       default {@code organizations}): a user's password, deprecated, logged as a warning.</li>
 * </ol>
 * Also {@code AZURE_AUTHORITY_HOST}, {@code AZURE_REGIONAL_AUTHORITY_NAME} (a region name; applies to
 * the service-principal sets) and {@code AZURE_ADDITIONALLY_ALLOWED_TENANTS} ({@code ;}-separated,
 * {@code *} for any).
 *
 * <p>{@link #getToken} throws {@link CredentialUnavailableException} when no set is complete (naming
 * the variables that are set and the ones that are missing, never values), and
 * {@link AuthenticationFailedException} when a variable holds a value that can never work, such as a
 * non-HTTPS authority host. Thread-safe; building performs no I/O and reads no file.
 */
public final class EnvironmentCredential implements TokenCredential {

    /** The credential's name, used in messages and logs. */
    public static final String NAME = "EnvironmentCredential";

    private static final Logger LOG = LoggerFactory.getLogger(EnvironmentCredential.class);

    private final TokenCredential delegate;
    private final RuntimeException problem;
    private final String description;

    private EnvironmentCredential(TokenCredential delegate, RuntimeException problem, String description) {
        this.delegate = delegate;
        this.problem = problem;
        this.description = description;
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
        return delegate.getToken(request);
    }

    @Override
    public CompletableFuture<AccessToken> getTokenAsync(TokenRequestContext request) {
        return problem != null ? CompletableFuture.failedFuture(problem) : delegate.getTokenAsync(request);
    }

    /**
     * Which variable set this credential uses, for diagnostics: {@code client secret},
     * {@code client certificate}, {@code username and password}, or {@code unavailable}.
     *
     * @return the description
     */
    public String configuration() {
        return description;
    }

    @Override
    public String toString() {
        return delegate != null ? NAME + "[" + description + ", " + delegate + "]" : NAME + "[" + description + "]";
    }

    /** Builds an {@link EnvironmentCredential}. Not thread-safe. */
    public static final class Builder {
        private Environment environment = Environment.system();
        private HttpTransport transport;
        private Executor executor;
        private Clock clock;
        private Sleeper sleeper;
        private DoubleSupplier jitter;

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
            this.transport = java.util.Objects.requireNonNull(transport, "transport");
            return this;
        }

        /**
         * Sets the executor for {@code getTokenAsync} and background refreshes.
         *
         * @param executor the executor
         * @return this builder
         */
        public Builder executor(Executor executor) {
            this.executor = java.util.Objects.requireNonNull(executor, "executor");
            return this;
        }

        Builder clock(Clock clock) {
            this.clock = clock;
            return this;
        }

        Builder sleeper(Sleeper sleeper, DoubleSupplier jitter) {
            this.sleeper = sleeper;
            this.jitter = jitter;
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
            try {
                if (config instanceof EnvironmentConfig.ClientSecret s) {
                    ClientSecretCredential.Builder b = ClientSecretCredential.builder().tenantId(s.tenantId())
                            .clientId(s.clientId()).clientSecret(s.clientSecret());
                    apply(s.common(), b.settings());
                    return new EnvironmentCredential(b.buildClient(NAME), null, "client secret");
                }
                if (config instanceof EnvironmentConfig.ClientCertificate c) {
                    ClientCertificateCredential.Builder b = ClientCertificateCredential.builder().tenantId(c.tenantId())
                            .clientId(c.clientId()).certificateFile(certificatePath(c.certificatePath()))
                            .certificatePassword(c.certificatePassword()).sendCertificateChain(c.sendCertificateChain());
                    apply(c.common(), b.settings());
                    return new EnvironmentCredential(b.buildClient(NAME), null, "client certificate");
                }
                if (config instanceof EnvironmentConfig.UsernamePassword u) {
                    UsernamePasswordCredential.Builder b = UsernamePasswordCredential.builder().tenantId(u.tenantId())
                            .clientId(u.clientId()).username(u.username()).password(u.password());
                    apply(new EnvironmentConfig.Common(u.common().authorityHost(), null,
                            u.common().additionallyAllowedTenants()), b.settings());
                    LOG.warn("{}: AZURE_USERNAME and AZURE_PASSWORD sign a user in with a password, which Microsoft has "
                            + "deprecated: it fails for accounts that need multi-factor authentication. Use a service "
                            + "principal (AZURE_CLIENT_SECRET or AZURE_CLIENT_CERTIFICATE_PATH) or managed identity.", NAME);
                    return new EnvironmentCredential(b.buildClient(NAME), null, "username and password");
                }
            } catch (IllegalArgumentException e) {
                // A variable holds a value that can never work: stop a chain rather than fall through
                // to another identity.
                return new EnvironmentCredential(null, new AuthenticationFailedException(variableNames(e.getMessage()), e),
                        "misconfigured");
            }
            return new EnvironmentCredential(null,
                    new CredentialUnavailableException(((EnvironmentConfig.Unavailable) config).reason()), "unavailable");
        }

        private static Path certificatePath(String value) {
            try {
                return Path.of(value);
            } catch (java.nio.file.InvalidPathException e) {
                throw new IllegalArgumentException(NAME + ": AZURE_CLIENT_CERTIFICATE_PATH is not a valid path ("
                        + e.getReason() + "). Set it to the path of a PEM or PFX file.");
            }
        }

        private void apply(EnvironmentConfig.Common common, dev.azid.internal.credential.CredentialSettings settings) {
            if (common.authorityHost() != null) {
                settings.authorityHost(common.authorityHost(), "AZURE_AUTHORITY_HOST");
            }
            settings.region(common.region());
            settings.additionallyAllowedTenants(common.additionallyAllowedTenants());
            if (transport != null) {
                settings.transport(transport);
            }
            if (executor != null) {
                settings.executor(executor);
            }
            if (clock != null) {
                settings.clock(clock);
            }
            if (sleeper != null) {
                settings.sleeper(sleeper, jitter);
            }
        }

        private static String variableNames(String message) {
            String m = String.valueOf(message);
            return m.replace(NAME + ": tenantId", NAME + ": AZURE_TENANT_ID")
                    .replace(NAME + ": authorityHost", NAME + ": AZURE_AUTHORITY_HOST")
                    .replace(NAME + ": region", NAME + ": AZURE_REGIONAL_AUTHORITY_NAME")
                    .replace(NAME + ": additionallyAllowedTenants", NAME + ": AZURE_ADDITIONALLY_ALLOWED_TENANTS");
        }
    }
}
