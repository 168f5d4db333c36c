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
 * mapped onto one {@link CredentialOptions}. Settings azid cannot honour yet throw
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
     * Not supported yet: azid retries each request itself (up to 3 retries with exponential backoff on
     * throttling, server errors and connection failures).
     *
     * @param maxRetry ignored
     * @return never
     * @throws UnsupportedOperationException always
     */
    public T maxRetry(int maxRetry) {
        throw Unsupported.retry(builderName(), "maxRetry(int)");
    }

    /**
     * Not supported yet; see {@link #maxRetry(int)}.
     *
     * @param retryTimeout ignored
     * @return never
     * @throws UnsupportedOperationException always
     */
    public T retryTimeout(Function<Duration, Duration> retryTimeout) {
        throw Unsupported.retry(builderName(), "retryTimeout(Function)");
    }

    /**
     * Not supported yet; see {@link #maxRetry(int)}.
     *
     * @param retryPolicy ignored
     * @return never
     * @throws UnsupportedOperationException always
     */
    public T retryPolicy(RetryPolicy retryPolicy) {
        throw Unsupported.retry(builderName(), "retryPolicy(RetryPolicy)");
    }

    /**
     * Not supported yet; see {@link #maxRetry(int)}.
     *
     * @param retryOptions ignored
     * @return never
     * @throws UnsupportedOperationException always
     */
    @Override
    public T retryOptions(RetryOptions retryOptions) {
        throw Unsupported.retry(builderName(), "retryOptions(RetryOptions)");
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
     * Runs this azure-core policy on every request, before the HTTP client; in the order added.
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
     * Not supported yet: azid does not log account identifiers. The account of a token is in its
     * claims ({@code tid}, {@code oid}, {@code upn}), which the application may decode itself.
     *
     * @return never
     * @throws UnsupportedOperationException always
     */
    public T enableAccountIdentifierLogging() {
        throw Unsupported.logging(builderName(), "enableAccountIdentifierLogging()");
    }

    /** Where the credential reads variables: the configuration's view. */
    final Environment environment() {
        return ConfigurationEnvironment.of(configuration);
    }

    /** azure-identity's scope for a user credential's {@code authenticate()}, or {@code null}. */
    final String defaultScope() {
        // Precedence: builder value > AZURE_AUTHORITY_HOST > the public cloud.
        String host = authorityHost != null ? authorityHost
                : environment().get("AZURE_AUTHORITY_HOST").orElse(AzureAuthorityHosts.AZURE_PUBLIC_CLOUD);
        return AzureAuthorityHosts.defaultScope(host);
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
        CompatTransports.select(builderName(), this, environment).ifPresent(b::httpTransport);
        return b.build();
    }
}
