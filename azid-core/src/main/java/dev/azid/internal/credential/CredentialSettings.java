package dev.azid.internal.credential;

import dev.azid.AzureCloud;
import dev.azid.Environment;
import dev.azid.http.HttpTransport;
import dev.azid.internal.cache.TokenCache;
import dev.azid.internal.http.HttpPipeline;
import dev.azid.internal.http.LazyTransport;
import dev.azid.internal.http.RetryOptions;
import dev.azid.internal.http.Sleeper;
import dev.azid.internal.oauth2.Authority;
import dev.azid.internal.oauth2.TokenEndpointClient;
import dev.azid.internal.redact.Redactor;
import dev.azid.internal.util.AzidExecutors;
import dev.azid.internal.util.Uris;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Executor;
import java.util.function.DoubleSupplier;

/**
 * The settings every credential builder shares (transport, executor, clock, environment, tenants),
 * held in one place so that builders only delegate to it. Not thread-safe, like the builders.
 */
public final class CredentialSettings {

    private HttpTransport transport;
    private Executor executor;
    private Clock clock = Clock.systemUTC();
    private Sleeper sleeper = Sleeper.THREAD_SLEEP;
    private DoubleSupplier jitter = () -> java.util.concurrent.ThreadLocalRandom.current().nextDouble();
    private Environment environment = Environment.system();
    private String authorityHost;
    private String authorityHostSource = "authorityHost";
    private final List<String> additionallyAllowedTenants = new ArrayList<>();
    private String region;

    /** @param value the transport */
    public void transport(HttpTransport value) {
        this.transport = Objects.requireNonNull(value, "httpTransport");
    }

    /** @param value the executor for asynchronous and background work */
    public void executor(Executor value) {
        this.executor = Objects.requireNonNull(value, "executor");
    }

    /** @param value the clock */
    public void clock(Clock value) {
        this.clock = Objects.requireNonNull(value, "clock");
    }

    /**
     * @param value the sleeper used between retries
     * @param jitterSource the jitter factor source
     */
    public void sleeper(Sleeper value, DoubleSupplier jitterSource) {
        this.sleeper = Objects.requireNonNull(value, "sleeper");
        this.jitter = Objects.requireNonNull(jitterSource, "jitter");
    }

    /** @param value where environment variables are read */
    public void environment(Environment value) {
        this.environment = Objects.requireNonNull(value, "environment");
    }

    /** @param value the authority host as configured, not yet validated */
    public void authorityHost(String value) {
        authorityHost(value, "authorityHost");
    }

    /**
     * Sets the authority host and where it came from, so a refusal names that source.
     *
     * @param value the authority host, not yet validated
     * @param source the setting or variable it came from, e.g. {@code AZURE_AUTHORITY_HOST}
     */
    public void authorityHost(String value, String source) {
        this.authorityHost = Objects.requireNonNull(value, "authorityHost");
        this.authorityHostSource = Objects.requireNonNull(source, "source");
    }

    /** @param tenants tenants to add to the allowed list */
    public void additionallyAllowedTenants(List<String> tenants) {
        for (String t : tenants) {
            additionallyAllowedTenants.add(Objects.requireNonNull(t, "additionallyAllowedTenants element"));
        }
    }

    /** @param value a regional token service name such as {@code westus2}, or {@code null} */
    public void region(String value) {
        this.region = value;
    }

    /** @return the region, or {@code null} */
    public String region() {
        return region;
    }

    /** @return the sleeper used between retries and polls */
    public Sleeper sleeperOrDefault() {
        return sleeper;
    }

    /** @return the environment */
    public Environment environment() {
        return environment;
    }

    /** @return the configured authority host, or {@code null} */
    public String authorityHost() {
        return authorityHost;
    }

    /**
     * The authority for a tenant on the configured host (default: the public cloud's).
     *
     * @param credentialName for messages
     * @param tenantId the tenant
     * @return the authority
     * @throws IllegalArgumentException if the host is not a valid authority host, naming the setting or
     *     variable it came from
     */
    public Authority authority(String credentialName, String tenantId) {
        String host = authorityHost == null ? AzureCloud.AZURE_PUBLIC_CLOUD.authorityHost().toString() : authorityHost;
        return new Authority(Uris.authorityHost(host, credentialName + ": " + authorityHostSource), tenantId);
    }

    /** @return the allowed tenants as configured */
    public List<String> additionallyAllowedTenants() {
        return List.copyOf(additionallyAllowedTenants);
    }

    /** @return the clock */
    public Clock clock() {
        return clock;
    }

    /** @return the executor: the configured one or azid's shared pool */
    public Executor executor() {
        return executor != null ? executor : AzidExecutors.shared();
    }

    /**
     * A pipeline over the configured transport (or the lazily created default one).
     *
     * @param options the retry policy
     * @return the pipeline
     */
    public HttpPipeline pipeline(RetryOptions options) {
        HttpTransport t = transport != null ? transport : LazyTransport.forEnvironment(environment);
        return new HttpPipeline(t, options, clock, sleeper, jitter);
    }

    /**
     * A pipeline over a given transport, with this clock and sleeper.
     *
     * @param transport the transport
     * @param options the retry policy
     * @return the pipeline
     */
    public HttpPipeline pipelineOver(HttpTransport transport, RetryOptions options) {
        return new HttpPipeline(transport, options, clock, sleeper, jitter);
    }

    /** @return whether a transport was set explicitly */
    public boolean hasTransport() {
        return transport != null;
    }

    /**
     * A token endpoint client with the default retry policy.
     *
     * @param credentialName the credential
     * @param redactor masks the credential's own secrets (see {@link Redactor#withSecrets}) in
     *     messages and logs about the endpoint's answers
     * @return the client
     */
    public TokenEndpointClient tokenEndpoint(String credentialName, Redactor redactor) {
        return new TokenEndpointClient(credentialName, pipeline(RetryOptions.DEFAULT), clock, redactor);
    }

    /**
     * A new, empty token cache.
     *
     * @param credentialName the credential
     * @return the cache
     */
    public TokenCache newCache(String credentialName) {
        return new TokenCache(credentialName, clock, executor());
    }
}
