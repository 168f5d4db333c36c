package dev.azid.azure.identity;

import com.azure.core.client.traits.HttpTrait;
import com.azure.core.http.HttpClient;
import com.azure.core.http.HttpPipeline;
import com.azure.core.http.ProxyOptions;
import com.azure.core.http.policy.HttpLogDetailLevel;
import com.azure.core.http.policy.HttpLogOptions;
import com.azure.core.http.policy.HttpPipelinePolicy;
import com.azure.core.http.policy.RetryOptions;
import com.azure.core.http.policy.RetryPolicy;
import com.azure.core.util.ClientOptions;
import com.azure.core.util.Configuration;
import dev.azid.CredentialOptions;
import dev.azid.Environment;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ExecutorService;
import java.util.function.Function;

/**
 * What every compatibility builder takes, as {@code com.azure.identity.CredentialBuilderBase} does,
 * mapped onto one {@link CredentialOptions}. A setting azid cannot honour throws
 * {@link UnsupportedOperationException} when called, naming what to do instead; none is ignored.
 * Package-private: the public builders expose these methods as their own.
 *
 * @param <T> the builder
 */
abstract class CompatBuilder<T extends CompatBuilder<T>> implements HttpTrait<T> {

    // Read by the subclasses and by CompatTransports, in this package only.
    String authorityHost;
    String tenantId;
    String clientId;
    ExecutorService executor;
    final List<String> allowedTenants = new ArrayList<>();
    HttpClient httpClient;
    HttpPipeline pipeline;
    final List<HttpPipelinePolicy> policies = new ArrayList<>();
    ProxyOptions proxyOptions;
    ClientOptions clientOptions;
    HttpLogOptions httpLogOptions;
    Configuration configuration;
    Integer maxRetry;
    Function<Duration, Duration> retryTimeout;
    RetryOptions retryOptions;
    RetryPolicy retryPolicy;
    boolean accountIdentifierLogging;
    boolean unsafeSupportLogging;

    CompatBuilder() {
    }

    @SuppressWarnings("unchecked")
    final T self() {
        return (T) this;
    }

    final String builderName() {
        return getClass().getSimpleName();
    }

    /**
     * Sets the number of retries after the first attempt of every HTTP call (default: 3; 5 for IMDS),
     * as {@code CredentialOptions.Builder.maxRetry} does; 0 turns retries off. azure-identity applies it
     * to managed identity only; azid to every endpoint.
     *
     * @param maxRetry 0 or more
     * @return this builder
     */
    public T maxRetry(int maxRetry) {
        this.maxRetry = maxRetry;
        return self();
    }

    /**
     * Sets the wait before each retry: before retry {@code n}, {@code retryTimeout.apply(Duration.ofSeconds(n))}
     * (default: exponential back-off from 800 ms), as {@code CredentialOptions.Builder.retryTimeout} does.
     *
     * @param retryTimeout the function; thread-safe, returning zero or more
     * @return this builder
     */
    public T retryTimeout(Function<Duration, Duration> retryTimeout) {
        this.retryTimeout = Objects.requireNonNull(retryTimeout, "retryTimeout");
        return self();
    }

    /**
     * Retries with this azure-core policy instead of azid's own retries: requests go through an
     * azure-core pipeline holding it (as for {@link #proxyOptions}), and azid makes one attempt per
     * call, bounded by its per-attempt timeout (30 s for Entra ID, 10 s for managed identity). Not
     * together with {@link #retryOptions}, {@link #maxRetry}, {@link #retryTimeout} or
     * {@link #httpPipeline}.
     *
     * @param retryPolicy the policy
     * @return this builder
     */
    public T retryPolicy(RetryPolicy retryPolicy) {
        this.retryPolicy = Objects.requireNonNull(retryPolicy, "retryPolicy");
        return self();
    }

    /**
     * Sets how every HTTP call is retried: {@code ExponentialBackoffOptions} and {@code FixedDelayOptions}
     * become azid's {@code RetryOptions.exponential}/{@code fixed} (values left unset keep azid's
     * defaults). With a {@code shouldRetryCondition}, which only azure-core can evaluate, the options
     * retry as an azure-core {@code RetryPolicy}, as {@link #retryPolicy} does. Not together with
     * {@link #retryPolicy}.
     *
     * @param retryOptions the options
     * @return this builder
     */
    @Override
    public T retryOptions(RetryOptions retryOptions) {
        this.retryOptions = Objects.requireNonNull(retryOptions, "retryOptions");
        return self();
    }

    /**
     * Sends azid's requests through an azure-core proxy: an azure-core HTTP client is created with
     * {@code HttpClient.createDefault(new HttpClientOptions().setProxyOptions(proxyOptions))}, so an
     * azure-core HTTP client implementation must be on the class path. Not together with
     * {@link #httpClient(HttpClient)} or {@link #httpPipeline(HttpPipeline)}.
     *
     * @param proxyOptions the proxy
     * @return this builder
     */
    public T proxyOptions(ProxyOptions proxyOptions) {
        this.proxyOptions = Objects.requireNonNull(proxyOptions, "proxyOptions");
        return self();
    }

    /**
     * Sends azid's requests through this azure-core pipeline, one attempt per request (azid retries on
     * top). Excludes every other HTTP setting, which belongs in the pipeline.
     *
     * @param httpPipeline the pipeline
     * @return this builder
     */
    public T httpPipeline(HttpPipeline httpPipeline) {
        this.pipeline = Objects.requireNonNull(httpPipeline, "httpPipeline");
        return self();
    }

    /**
     * Same as {@link #httpPipeline(HttpPipeline)}.
     *
     * @param httpPipeline the pipeline
     * @return this builder
     */
    @Override
    public T pipeline(HttpPipeline httpPipeline) {
        return httpPipeline(httpPipeline);
    }

    /**
     * Sends azid's requests with this azure-core HTTP client, after any {@link #addPolicy policies}.
     *
     * @param client the client
     * @return this builder
     */
    @Override
    public T httpClient(HttpClient client) {
        this.httpClient = Objects.requireNonNull(client, "httpClient");
        return self();
    }

    /**
     * Reads configuration (environment variables, looked up first as JVM system properties) from
     * this azure-core configuration instead of the global one.
     *
     * @param configuration the configuration
     * @return this builder
     */
    public T configuration(Configuration configuration) {
        this.configuration = Objects.requireNonNull(configuration, "configuration");
        return self();
    }

    /**
     * Adds the options' headers to every request, and their application id in front of the
     * {@code User-Agent}.
     *
     * @param clientOptions the options
     * @return this builder
     */
    @Override
    public T clientOptions(ClientOptions clientOptions) {
        this.clientOptions = Objects.requireNonNull(clientOptions, "clientOptions");
        return self();
    }

    /**
     * Logs requests with azure-core's {@code HttpLoggingPolicy} at {@code BASIC} or {@code HEADERS}
     * level (values azure-core does not allow-list are redacted); {@code NONE} logs nothing. The
     * requests then go through an azure-core HTTP client, as for {@link #proxyOptions}.
     *
     * @param logOptions the options
     * @return this builder
     * @throws UnsupportedOperationException for the body levels: token request bodies hold client
     *     secrets, assertions and passwords, and azid never logs them
     */
    @Override
    public T httpLogOptions(HttpLogOptions logOptions) {
        HttpLogDetailLevel level = Objects.requireNonNull(logOptions, "httpLogOptions").getLogLevel();
        if (level != null && level.shouldLogBody()) {
            throw Unsupported.bodyLogging(builderName(), level);
        }
        this.httpLogOptions = logOptions;
        return self();
    }

    /**
     * Runs this azure-core policy on every request, before the HTTP client: {@code PER_CALL} policies
     * before a {@link #retryPolicy retry policy}, {@code PER_RETRY} ones (the default) after it, on
     * every attempt; each group in the order added. The requests then go through an azure-core HTTP
     * client, as for {@link #proxyOptions}.
     *
     * @param policy the policy
     * @return this builder
     */
    @Override
    public T addPolicy(HttpPipelinePolicy policy) {
        policies.add(Objects.requireNonNull(policy, "policy"));
        return self();
    }

    /**
     * Logs, at INFO, the client id, tenant id, user principal name and object id named by each token
     * received, never the token, as {@code CredentialOptions.Builder.enableAccountIdentifierLogging} does.
     *
     * @return this builder
     */
    public T enableAccountIdentifierLogging() {
        this.accountIdentifierLogging = true;
        return self();
    }

    /** Where the credential reads variables: the configuration's view. */
    final Environment environment() {
        return ConfigurationEnvironment.of(configuration);
    }

    /** The azid options these settings make; validates their combination. */
    final CredentialOptions options() {
        Environment environment = environment();
        CredentialOptions.Builder b = CredentialOptions.builder().environment(environment);
        if (authorityHost != null) {
            b.authorityHost(authorityHost);
        }
        if (executor != null) {
            b.executor(executor);
        }
        if (!allowedTenants.isEmpty()) {
            b.additionallyAllowedTenants(allowedTenants);
        }
        if (accountIdentifierLogging) {
            b.enableAccountIdentifierLogging();
        }
        if (unsafeSupportLogging) {
            b.enableUnsafeSupportLogging();
        }
        CompatRetries.apply(builderName(), this, b);
        CompatTransports.select(builderName(), this, environment).ifPresent(b::httpTransport);
        return b.build();
    }
}
