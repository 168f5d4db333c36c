package dev.azid;

import dev.azid.http.HttpRequestInterceptor;
import dev.azid.http.HttpTransport;
import dev.azid.internal.credential.CredentialSettings;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executor;

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
    private final SharedTokenCache sharedCache;
    /** Every other value is held once, in the internal view the credentials build from. */
    private final CredentialSettings settings;

    private CredentialOptions(Builder b) {
        this.authorityHost = b.authorityHost;
        this.cloud = b.cloud;
        this.sharedCache = b.sharedCache;
        // build() refuses both: the host set is the cloud's, or the one given.
        String host = cloud != null ? cloud.authorityHost().toString() : authorityHost;
        String source = cloud != null ? "CredentialOptions.cloud" : "CredentialOptions.authorityHost";
        this.settings = new CredentialSettings(host, source, b.transport, b.executor, b.environment,
                b.additionallyAllowedTenants, b.clock, b.sleeper, b.jitter, b.toSettings(),
                sharedCache == null ? null : sharedCache.tokens());
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
        b.transport = settings.explicitTransport();
        b.executor = settings.explicitExecutor();
        b.environment = settings.environment();
        b.additionallyAllowedTenants.addAll(settings.additionallyAllowedTenants());
        b.clock = settings.clock();
        b.sleeper = settings.sleeper();
        b.jitter = settings.jitter();
        b.copyFrom(settings.http());
        b.sharedCache = sharedCache;
        return b;
    }

    /** @return the authority host as set, or empty when none is (the cloud's, or the public cloud's, applies) */
    public Optional<String> authorityHost() {
        return Optional.ofNullable(authorityHost);
    }

    /** @return the cloud as set, or empty when none is */
    public Optional<AzureCloud> cloud() {
        return Optional.ofNullable(cloud);
    }

    /** @return the transport as set, or empty for the default transport */
    public Optional<HttpTransport> httpTransport() {
        return Optional.ofNullable(settings.explicitTransport());
    }

    /** @return the executor as set, or empty for azid's shared pool */
    public Optional<Executor> executor() {
        return Optional.ofNullable(settings.explicitExecutor());
    }

    /** @return where environment variables are read */
    public Environment environment() {
        return settings.environment();
    }

    /** @return the additionally allowed tenants, possibly empty; unmodifiable */
    public List<String> additionallyAllowedTenants() {
        return settings.additionallyAllowedTenants();
    }

    /** @return the retry options as set, or empty for every endpoint's default */
    public Optional<RetryOptions> retryOptions() {
        return Optional.ofNullable(settings.http().retry());
    }

    /** @return the application id as set, or empty */
    public Optional<String> applicationId() {
        return Optional.ofNullable(settings.http().applicationId());
    }

    /** @return the custom headers, in order; unmodifiable */
    public Map<String, String> headers() {
        return settings.http().headers();
    }

    /** @return the interceptors, in order; unmodifiable */
    public List<HttpRequestInterceptor> interceptors() {
        return settings.http().interceptors();
    }

    /** @return whether {@link Builder#enableAccountIdentifierLogging()} was called */
    public boolean isAccountIdentifierLoggingEnabled() {
        return settings.http().accountIdentifierLogging();
    }

    /** @return whether {@link Builder#enableUnsafeSupportLogging()} was called */
    public boolean isUnsafeSupportLoggingEnabled() {
        return settings.http().unsafeSupportLogging();
    }

    /** @return the cache shared with other processes, or empty when tokens are cached in this process only */
    public Optional<SharedTokenCache> sharedCache() {
        return Optional.ofNullable(sharedCache);
    }

    /** The internal view the credentials build from, with the test seams. */
    CredentialSettings settings() {
        return settings;
    }

    /** Names what is set; there are no secrets in the options. */
    @Override
    public String toString() {
        HttpTransport transport = settings.explicitTransport();
        return "CredentialOptions[authorityHost=" + authorityHost + ", cloud=" + (cloud == null ? null : cloud.name())
                + ", httpTransport=" + (transport == null ? "default" : transport.getClass().getSimpleName())
                + ", executor=" + (settings.explicitExecutor() == null ? "shared" : "custom")
                + ", additionallyAllowedTenants=" + additionallyAllowedTenants() + ", " + settings.http().describe()
                + (sharedCache == null ? "" : ", sharedCache=" + sharedCache) + "]";
    }

    /**
     * Builds {@link CredentialOptions}. Not thread-safe. Its setters are declared, with their state,
     * in its two package-private parts: {@code CoreOptionValues} (authority host or cloud, transport,
     * executor, environment, tenants, shared cache) and {@code HttpOptionValues} (retries,
     * application id, headers, interceptors, diagnostics switches).
     */
    public static final class Builder extends HttpOptionValues {
        private Builder() {
        }

        /**
         * Builds the options.
         *
         * @return the options
         * @throws IllegalArgumentException if both {@code authorityHost} and {@code cloud} are set, or an
         *     application id or custom header is invalid
         */
        public CredentialOptions build() {
            validateCore();
            validateHttp();
            return new CredentialOptions(this);
        }
    }
}
