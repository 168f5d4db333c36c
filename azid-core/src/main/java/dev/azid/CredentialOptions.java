package dev.azid;

import dev.azid.http.HttpTransport;
import dev.azid.internal.credential.CredentialSettings;
import dev.azid.internal.http.Sleeper;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Executor;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.DoubleSupplier;

/**
 * What every credential shares: the authority host (or cloud), the HTTP transport, the executor,
 * where environment variables are read, and the additionally allowed tenants. Every credential
 * builder takes it whole with {@code options(...)}; {@link DefaultAzureCredential} hands the same
 * value to each credential of its chain.
 *
 * <pre>{@code
 * CredentialOptions options = CredentialOptions.builder()
 *         .cloud(AzureCloud.AZURE_US_GOVERNMENT)
 *         .executor(myExecutor)
 *         .build();
 * TokenCredential credential = ClientSecretCredential.builder()
 *         .options(options)
 *         .tenantId(tenant).clientId(client).clientSecret(secret)
 *         .build();
 * }</pre>
 *
 * <p>Every Entra ID credential reads {@code AZURE_AUTHORITY_HOST} (and, for the client-credentials
 * grant, {@code AZURE_REGIONAL_AUTHORITY_NAME}): a host set here wins over the variable, and the
 * variable over the public cloud's default, as in azure-identity.
 *
 * <p>Immutable and thread-safe; one value may serve any number of credentials. It holds no secret,
 * so {@link #toString()} may be logged.
 */
public final class CredentialOptions {

    private static final CredentialOptions DEFAULTS = builder().build();

    // Retry options and logging switches belong here too, as further fields with a setter on the
    // Builder, a default stated on the setter, and a line in settings().
    private final String authorityHost;
    private final AzureCloud cloud;
    private final HttpTransport transport;
    private final Executor executor;
    private final Environment environment;
    private final List<String> additionallyAllowedTenants;
    private final Clock clock;
    private final Sleeper sleeper;
    private final DoubleSupplier jitter;

    private CredentialOptions(Builder b) {
        this.authorityHost = b.authorityHost;
        this.cloud = b.cloud;
        this.transport = b.transport;
        this.executor = b.executor;
        this.environment = b.environment;
        this.additionallyAllowedTenants = List.copyOf(b.additionallyAllowedTenants);
        this.clock = b.clock;
        this.sleeper = b.sleeper;
        this.jitter = b.jitter;
    }

    /**
     * The options with every default: the public cloud, {@link HttpTransport#defaultTransport()},
     * azid's shared daemon pool, the process environment, no additional tenants.
     *
     * @return the default options
     */
    public static CredentialOptions defaults() {
        return DEFAULTS;
    }

    /**
     * Starts a builder with every default.
     *
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Starts a builder holding these options, to change some of them; this value is not changed.
     *
     * @return a new builder
     */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.authorityHost = authorityHost;
        b.cloud = cloud;
        b.transport = transport;
        b.executor = executor;
        b.environment = environment;
        b.additionallyAllowedTenants.addAll(additionallyAllowedTenants);
        b.clock = clock;
        b.sleeper = sleeper;
        b.jitter = jitter;
        return b;
    }

    /** @return the authority host as set, or empty when none is (the cloud's, or the public cloud's, applies) */
    public java.util.Optional<String> authorityHost() {
        return java.util.Optional.ofNullable(authorityHost);
    }

    /** @return the cloud as set, or empty when none is */
    public java.util.Optional<AzureCloud> cloud() {
        return java.util.Optional.ofNullable(cloud);
    }

    /** @return the transport as set, or empty for the default transport */
    public java.util.Optional<HttpTransport> httpTransport() {
        return java.util.Optional.ofNullable(transport);
    }

    /** @return the executor as set, or empty for azid's shared pool */
    public java.util.Optional<Executor> executor() {
        return java.util.Optional.ofNullable(executor);
    }

    /** @return where environment variables are read */
    public Environment environment() {
        return environment;
    }

    /** @return the additionally allowed tenants, possibly empty; unmodifiable */
    public List<String> additionallyAllowedTenants() {
        return additionallyAllowedTenants;
    }

    /** The internal view the credentials build from, with the test seams. */
    CredentialSettings settings() {
        String host = authorityHost;
        String source = "CredentialOptions.authorityHost";
        if (cloud != null) {
            host = cloud.authorityHost().toString();
            source = "CredentialOptions.cloud";
        }
        return new CredentialSettings(host, source, transport, executor, environment, additionallyAllowedTenants,
                clock, sleeper, jitter);
    }

    /** Names what is set; there are no secrets in the options. */
    @Override
    public String toString() {
        return "CredentialOptions[authorityHost=" + authorityHost + ", cloud=" + (cloud == null ? null : cloud.name())
                + ", httpTransport=" + (transport == null ? "default" : transport.getClass().getSimpleName())
                + ", executor=" + (executor == null ? "shared" : "custom")
                + ", additionallyAllowedTenants=" + additionallyAllowedTenants + "]";
    }

    /** Builds {@link CredentialOptions}. Not thread-safe. */
    public static final class Builder {
        private String authorityHost;
        private AzureCloud cloud;
        private HttpTransport transport;
        private Executor executor;
        private Environment environment = Environment.system();
        private final List<String> additionallyAllowedTenants = new ArrayList<>();
        private Clock clock = Clock.systemUTC();
        private Sleeper sleeper = Sleeper.THREAD_SLEEP;
        private DoubleSupplier jitter = () -> ThreadLocalRandom.current().nextDouble();

        private Builder() {
        }

        /**
         * Sets the Entra ID authority host (default: {@code AZURE_AUTHORITY_HOST}, else
         * {@code https://login.microsoftonline.com}). HTTPS is required except on a
         * loopback host; the credential checks the value when it is built. Set this or
         * {@link #cloud(AzureCloud)}, not both.
         *
         * @param authorityHost for example {@code https://login.microsoftonline.us}
         * @return this builder
         */
        public Builder authorityHost(String authorityHost) {
            this.authorityHost = Objects.requireNonNull(authorityHost, "CredentialOptions.authorityHost");
            return this;
        }

        /**
         * Uses the authority host of a cloud (default: as for {@link #authorityHost(String)}). Set
         * this or {@link #authorityHost(String)}, not both.
         *
         * @param cloud the cloud
         * @return this builder
         */
        public Builder cloud(AzureCloud cloud) {
            this.cloud = Objects.requireNonNull(cloud, "CredentialOptions.cloud");
            return this;
        }

        /**
         * Sets the HTTP transport (default: {@link HttpTransport#defaultTransport()}, created on first
         * use). A managed identity on Service Fabric then gets no certificate pinning from azid.
         *
         * @param transport the transport
         * @return this builder
         */
        public Builder httpTransport(HttpTransport transport) {
            this.transport = Objects.requireNonNull(transport, "CredentialOptions.httpTransport");
            return this;
        }

        /**
         * Sets the executor for {@code getTokenAsync} and background refreshes (default: azid's
         * shared daemon pool).
         *
         * @param executor the executor
         * @return this builder
         */
        public Builder executor(Executor executor) {
            this.executor = Objects.requireNonNull(executor, "CredentialOptions.executor");
            return this;
        }

        /**
         * Sets where environment variables are read (default: the process environment).
         *
         * @param environment the environment
         * @return this builder
         */
        public Builder environment(Environment environment) {
            this.environment = Objects.requireNonNull(environment, "CredentialOptions.environment");
            return this;
        }

        /**
         * Allows tokens for these tenants too, when a request names them; {@code *} allows any
         * (default: none; {@code AZURE_ADDITIONALLY_ALLOWED_TENANTS} where the credential reads it).
         * Replaces the tenants set before.
         *
         * @param tenants tenant ids or domains
         * @return this builder
         */
        public Builder additionallyAllowedTenants(String... tenants) {
            return additionallyAllowedTenants(Arrays.asList(Objects.requireNonNull(tenants,
                    "CredentialOptions.additionallyAllowedTenants")));
        }

        /**
         * Allows tokens for these tenants too, when a request names them; {@code *} allows any
         * (default: none). Replaces the tenants set before.
         *
         * @param tenants tenant ids or domains
         * @return this builder
         */
        public Builder additionallyAllowedTenants(List<String> tenants) {
            Objects.requireNonNull(tenants, "CredentialOptions.additionallyAllowedTenants");
            additionallyAllowedTenants.clear();
            for (String t : tenants) {
                additionallyAllowedTenants.add(Objects.requireNonNull(t, "CredentialOptions.additionallyAllowedTenants element"));
            }
            return this;
        }

        Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        Builder sleeper(Sleeper sleeper, DoubleSupplier jitter) {
            this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
            this.jitter = Objects.requireNonNull(jitter, "jitter");
            return this;
        }

        /**
         * Builds the options.
         *
         * @return the options
         * @throws IllegalArgumentException if both {@code authorityHost} and {@code cloud} are set
         */
        public CredentialOptions build() {
            if (authorityHost != null && cloud != null) {
                throw new IllegalArgumentException("CredentialOptions: both CredentialOptions.authorityHost and "
                        + "CredentialOptions.cloud are set. Set one of them: the cloud's authority host is "
                        + cloud.authorityHost() + ".");
            }
            return new CredentialOptions(this);
        }
    }
}
