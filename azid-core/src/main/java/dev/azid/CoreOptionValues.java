package dev.azid;

import dev.azid.http.HttpTransport;
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
 * The core of {@link CredentialOptions.Builder}: the authority host or cloud, the HTTP transport,
 * the executor, the environment, the additionally allowed tenants, the cache shared with other
 * processes and the test seams (clock, sleeper); their setters and their state. The HTTP
 * customisation is in {@link HttpOptionValues}. Package-private: its public setters are documented
 * and used as {@code CredentialOptions.Builder}'s. Not thread-safe.
 */
abstract sealed class CoreOptionValues permits HttpOptionValues {

    // Package-private: CredentialOptions reads them when it is built, and sets them in toBuilder().
    String authorityHost;
    AzureCloud cloud;
    HttpTransport transport;
    Executor executor;
    Environment environment = Environment.system();
    final List<String> additionallyAllowedTenants = new ArrayList<>();
    Clock clock = Clock.systemUTC();
    Sleeper sleeper = Sleeper.THREAD_SLEEP;
    DoubleSupplier jitter = () -> ThreadLocalRandom.current().nextDouble();
    SharedTokenCache sharedCache;

    CoreOptionValues() {
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
    public final CredentialOptions.Builder authorityHost(String authorityHost) {
        this.authorityHost = Objects.requireNonNull(authorityHost, "CredentialOptions.authorityHost");
        return self();
    }

    /**
     * Uses the authority host of a cloud (default: as for {@link #authorityHost(String)}). Set
     * this or {@link #authorityHost(String)}, not both.
     *
     * @param cloud the cloud
     * @return this builder
     */
    public final CredentialOptions.Builder cloud(AzureCloud cloud) {
        this.cloud = Objects.requireNonNull(cloud, "CredentialOptions.cloud");
        return self();
    }

    /**
     * Sets the HTTP transport (default: {@link HttpTransport#defaultTransport()}, created on first
     * use). A managed identity on Service Fabric then gets no certificate pinning from azid.
     *
     * @param transport the transport
     * @return this builder
     */
    public final CredentialOptions.Builder httpTransport(HttpTransport transport) {
        this.transport = Objects.requireNonNull(transport, "CredentialOptions.httpTransport");
        return self();
    }

    /**
     * Sets the executor for {@code getTokenAsync} and background refreshes (default: azid's
     * shared daemon pool).
     *
     * @param executor the executor
     * @return this builder
     */
    public final CredentialOptions.Builder executor(Executor executor) {
        this.executor = Objects.requireNonNull(executor, "CredentialOptions.executor");
        return self();
    }

    /**
     * Sets where environment variables are read (default: the process environment).
     *
     * @param environment the environment
     * @return this builder
     */
    public final CredentialOptions.Builder environment(Environment environment) {
        this.environment = Objects.requireNonNull(environment, "CredentialOptions.environment");
        return self();
    }

    /**
     * Allows tokens for these tenants too, when a request names them; {@code *} allows any
     * (default: none; {@code AZURE_ADDITIONALLY_ALLOWED_TENANTS} where the credential reads it).
     * Replaces the tenants set before.
     *
     * @param tenants tenant ids or domains
     * @return this builder
     */
    public final CredentialOptions.Builder additionallyAllowedTenants(String... tenants) {
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
    public final CredentialOptions.Builder additionallyAllowedTenants(List<String> tenants) {
        Objects.requireNonNull(tenants, "CredentialOptions.additionallyAllowedTenants");
        additionallyAllowedTenants.clear();
        for (String t : tenants) {
            additionallyAllowedTenants.add(Objects.requireNonNull(t, "CredentialOptions.additionallyAllowedTenants element"));
        }
        return self();
    }

    /**
     * Shares tokens with other processes through this cache (default: none; each process caches
     * its own). See {@link SharedTokenCache} for what is shared, how it is protected and how it fails.
     *
     * @param sharedCache the shared cache
     * @return this builder
     */
    public final CredentialOptions.Builder sharedCache(SharedTokenCache sharedCache) {
        this.sharedCache = Objects.requireNonNull(sharedCache, "CredentialOptions.sharedCache");
        return self();
    }

    final CredentialOptions.Builder clock(Clock clock) {
        this.clock = Objects.requireNonNull(clock, "clock");
        return self();
    }

    final CredentialOptions.Builder sleeper(Sleeper sleeper, DoubleSupplier jitter) {
        this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
        this.jitter = Objects.requireNonNull(jitter, "jitter");
        return self();
    }

    /** Checks what cannot be checked in the setters alone. */
    final void validateCore() {
        if (authorityHost != null && cloud != null) {
            throw new IllegalArgumentException("CredentialOptions: both CredentialOptions.authorityHost and "
                    + "CredentialOptions.cloud are set. Set one of them: the cloud's authority host is "
                    + cloud.authorityHost() + ".");
        }
    }

    private CredentialOptions.Builder self() {
        // Sound: the hierarchy is sealed and ends at CredentialOptions.Builder.
        return (CredentialOptions.Builder) this;
    }
}
