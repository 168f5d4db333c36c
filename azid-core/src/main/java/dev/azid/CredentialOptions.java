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
 * where environment variables are read, the additionally allowed tenants, how HTTP calls are retried
 * and customised (application id, headers, interceptors), and the diagnostics switches. Every credential
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

    private final String authorityHost;
    private final AzureCloud cloud;
    private final HttpTransport transport;
    private final Executor executor;
    private final Environment environment;
    private final List<String> additionallyAllowedTenants;
    private final Clock clock;
    private final Sleeper sleeper;
    private final DoubleSupplier jitter;
    private final HttpOptionValues http;
    private final SharedTokenCache sharedCache;

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
        this.http = b.http.copy();
        this.sharedCache = b.sharedCache;
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
        b.http = http.copy();
        b.sharedCache = sharedCache;
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

    /** @return the retry options as set, or empty for every endpoint's default */
    public java.util.Optional<RetryOptions> retryOptions() {
        return java.util.Optional.ofNullable(http.retry);
    }

    /** @return the application id as set, or empty */
    public java.util.Optional<String> applicationId() {
        return java.util.Optional.ofNullable(http.applicationId);
    }

    /** @return the custom headers, in order; unmodifiable */
    public java.util.Map<String, String> headers() {
        return java.util.Collections.unmodifiableMap(http.headers);
    }

    /** @return the interceptors, in order; unmodifiable */
    public List<dev.azid.http.HttpRequestInterceptor> interceptors() {
        return java.util.Collections.unmodifiableList(http.interceptors);
    }

    /** @return whether {@link Builder#enableAccountIdentifierLogging()} was called */
    public boolean isAccountIdentifierLoggingEnabled() {
        return http.accountIdentifierLogging;
    }

    /** @return whether {@link Builder#enableUnsafeSupportLogging()} was called */
    public boolean isUnsafeSupportLoggingEnabled() {
        return http.unsafeSupportLogging;
    }

    /** @return the cache shared with other processes, or empty when tokens are cached in this process only */
    public java.util.Optional<SharedTokenCache> sharedCache() {
        return java.util.Optional.ofNullable(sharedCache);
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
                clock, sleeper, jitter, sharedCache == null ? null : sharedCache.tokens()).withHttp(http.toSettings());
    }

    /** Names what is set; there are no secrets in the options. */
    @Override
    public String toString() {
        return "CredentialOptions[authorityHost=" + authorityHost + ", cloud=" + (cloud == null ? null : cloud.name())
                + ", httpTransport=" + (transport == null ? "default" : transport.getClass().getSimpleName())
                + ", executor=" + (executor == null ? "shared" : "custom")
                + ", additionallyAllowedTenants=" + additionallyAllowedTenants + ", " + http.describe()
                + (sharedCache == null ? "" : ", sharedCache=" + sharedCache) + "]";
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
        private HttpOptionValues http = new HttpOptionValues();
        private SharedTokenCache sharedCache;

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

        /**
         * Sets how every HTTP call is retried (default: each endpoint's own policy, described on
         * {@link RetryOptions}). Replaces what {@link #maxRetry} and {@link #retryTimeout} set before.
         *
         * @param retryOptions the options; settings left unset there keep each endpoint's default
         * @return this builder
         */
        public Builder retryOptions(RetryOptions retryOptions) {
            http.retry = Objects.requireNonNull(retryOptions, "CredentialOptions.retryOptions");
            return this;
        }

        /**
         * Sets the number of retries after the first attempt of every HTTP call, as azure-identity's
         * {@code maxRetry} (default: 3; 5 for IMDS; 1 for cloud discovery). The same as setting
         * {@link RetryOptions.Builder#maxRetries} on the current retry options.
         *
         * @param maxRetry 0 or more; 0 turns retries off
         * @return this builder
         * @throws IllegalArgumentException if {@code maxRetry} is negative
         */
        public Builder maxRetry(int maxRetry) {
            http.retry = http.retryOrEmpty().toBuilder().maxRetries(maxRetry).build();
            return this;
        }

        /**
         * Sets the wait before each retry, as azure-identity's {@code retryTimeout}: the wait before
         * retry {@code n} is {@code retryTimeout.apply(Duration.ofSeconds(n))} (default: exponential
         * back-off from 800 ms with jitter). The same as {@link RetryOptions.Builder#retryDelay}.
         *
         * @param retryTimeout a thread-safe function returning a duration of zero or more
         * @return this builder
         */
        public Builder retryTimeout(java.util.function.Function<java.time.Duration, java.time.Duration> retryTimeout) {
            http.retry = http.retryOrEmpty().toBuilder().retryDelay(retryTimeout).build();
            return this;
        }

        /**
         * Puts an application id in front of the {@code User-Agent} of every request, as azure-core's
         * {@code ClientOptions.applicationId} does (default: none; the User-Agent is azid's own).
         *
         * @param applicationId 1 to 256 visible ASCII characters, no spaces
         * @return this builder
         */
        public Builder applicationId(String applicationId) {
            http.applicationId = Objects.requireNonNull(applicationId, "CredentialOptions.applicationId");
            return this;
        }

        /**
         * Adds a header to every request, or replaces the value set before (default: none). A header
         * the protocol sets itself on a request keeps azid's value there. {@code User-Agent} is
         * refused (use {@link #applicationId}), as are headers the transport owns ({@code Host},
         * {@code Content-Length}, ...).
         *
         * @param name a valid header name
         * @param value the value, without line breaks
         * @return this builder
         */
        public Builder header(String name, String value) {
            http.headers.put(Objects.requireNonNull(name, "CredentialOptions.header name"),
                    Objects.requireNonNull(value, "CredentialOptions.header value"));
            return this;
        }

        /**
         * Adds an interceptor that sees every HTTP attempt of every credential (default: none); see
         * {@link dev.azid.http.HttpRequestInterceptor} for what it may do and the secrets it sees.
         * Interceptors run in the order they are added.
         *
         * @param interceptor the interceptor
         * @return this builder
         */
        public Builder addInterceptor(dev.azid.http.HttpRequestInterceptor interceptor) {
            http.interceptors.add(Objects.requireNonNull(interceptor, "CredentialOptions.interceptor"));
            return this;
        }

        /**
         * Logs, at INFO, the client (application) id, tenant id, user principal name and object id
         * named by the claims of each access token received from Entra ID or a managed identity, as
         * azure-identity's {@code enableAccountIdentifierLogging} does (default: off). The token is
         * never logged. These identifiers are personal data: enable on protected machines only.
         *
         * @return this builder
         */
        public Builder enableAccountIdentifierLogging() {
            http.accountIdentifierLogging = true;
            return this;
        }

        /**
         * <b>Unsafe: logs secrets and tokens.</b> Logs every HTTP request and response, headers and
         * bodies included (each cut to a bound), at DEBUG on the logger
         * {@code dev.azid.UnsafeSupportLogging}, for a support case (default: off). Bodies hold client
         * secrets, assertions, passwords, refresh and access tokens; headers hold managed-identity
         * secrets. Never enable it in production or where logs are shared.
         *
         * @return this builder
         */
        public Builder enableUnsafeSupportLogging() {
            http.unsafeSupportLogging = true;
            return this;
        }

        /**
         * Shares tokens with other processes through this cache (default: none; each process caches
         * its own). See {@link SharedTokenCache} for what is shared, how it is protected and how it fails.
         *
         * @param sharedCache the shared cache
         * @return this builder
         */
        public Builder sharedCache(SharedTokenCache sharedCache) {
            this.sharedCache = Objects.requireNonNull(sharedCache, "CredentialOptions.sharedCache");
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
         * @throws IllegalArgumentException if both {@code authorityHost} and {@code cloud} are set, or an
         *     application id or custom header is invalid
         */
        public CredentialOptions build() {
            if (authorityHost != null && cloud != null) {
                throw new IllegalArgumentException("CredentialOptions: both CredentialOptions.authorityHost and "
                        + "CredentialOptions.cloud are set. Set one of them: the cloud's authority host is "
                        + cloud.authorityHost() + ".");
            }
            http.validate();
            return new CredentialOptions(this);
        }
    }
}
