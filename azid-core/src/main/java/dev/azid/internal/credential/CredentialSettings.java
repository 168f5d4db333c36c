package dev.azid.internal.credential;

import static dev.azid.internal.env.EnvironmentVariables.AZURE_ADDITIONALLY_ALLOWED_TENANTS;
import static dev.azid.internal.env.EnvironmentVariables.AZURE_AUTHORITY_HOST;
import static dev.azid.internal.env.EnvironmentVariables.AZURE_IDENTITY_DISABLE_MULTITENANTAUTH;
import static dev.azid.internal.env.EnvironmentVariables.AZURE_REGIONAL_AUTHORITY_NAME;

import dev.azid.AzureCloud;
import dev.azid.Environment;
import dev.azid.http.HttpTransport;
import dev.azid.internal.http.Sleeper;
import dev.azid.internal.oauth2.Authority;
import dev.azid.internal.oauth2.TenantPolicy;
import dev.azid.internal.oauth2.Tenants;
import dev.azid.internal.shared.SharedTokens;
import dev.azid.internal.util.AzidExecutors;
import dev.azid.internal.util.Uris;
import java.time.Clock;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.Executor;
import java.util.function.DoubleSupplier;

/**
 * The one internal view of {@code CredentialOptions}: what every credential shares, plus the test
 * seams (clock, sleeper) the public type keeps out of its API. Immutable and thread-safe. Where a
 * shared value may also come from an environment variable, this class is the one place that
 * decides which value applies. What is made from the settings is made by {@link #pipelines()}
 * (HTTP pipelines, token endpoint clients) and {@link #caches()} (token caches).
 */
public final class CredentialSettings {

    /**
     * Whether a credential also falls back on {@code AZURE_ADDITIONALLY_ALLOWED_TENANTS} when the
     * options set no allowed tenants. The other shared variables ({@code AZURE_AUTHORITY_HOST},
     * {@code AZURE_REGIONAL_AUTHORITY_NAME}, {@code AZURE_IDENTITY_DISABLE_MULTITENANTAUTH}) are read
     * for every credential; no credential can opt out of them.
     */
    public enum Variables {
        /** The allowed tenants come from the options only (as in azure-identity, outside its environment-driven credentials). */
        SHARED,
        /** The credential also reads {@code AZURE_ADDITIONALLY_ALLOWED_TENANTS} (environment, workload identity). */
        SHARED_AND_TENANTS
    }

    /**
     * A value and where it came from, so a refusal names the builder setting or the variable.
     *
     * @param value the value
     * @param source e.g. {@code CredentialOptions.authorityHost} or {@code AZURE_AUTHORITY_HOST}
     */
    public record Sourced<T>(T value, String source) {
    }

    private final String authorityHost;
    private final String authorityHostSource;
    private final HttpTransport transport;
    private final Executor executor;
    private final Environment environment;
    private final List<String> additionallyAllowedTenants;
    private final Clock clock;
    private final Sleeper sleeper;
    private final DoubleSupplier jitter;
    private final HttpSettings http;
    private final SharedTokens sharedTokens;

    /**
     * Creates the settings (from {@code CredentialOptions} only).
     *
     * @param authorityHost the host set on the options, or {@code null}
     * @param authorityHostSource the options setting it came from
     * @param transport the transport, or {@code null} for the default
     * @param executor the executor, or {@code null} for azid's shared pool
     * @param environment where variables are read
     * @param additionallyAllowedTenants the tenants set on the options
     * @param clock the clock
     * @param sleeper waits between retries and polls
     * @param jitter the retry jitter source
     * @param http the HTTP part of the options (retries, headers, interceptors, diagnostics switches)
     * @param sharedTokens the cache shared with other processes, or {@code null}
     */
    public CredentialSettings(String authorityHost, String authorityHostSource, HttpTransport transport,
            Executor executor, Environment environment, List<String> additionallyAllowedTenants, Clock clock,
            Sleeper sleeper, DoubleSupplier jitter, HttpSettings http, SharedTokens sharedTokens) {
        this.authorityHost = authorityHost;
        this.authorityHostSource = authorityHostSource;
        this.transport = transport;
        this.executor = executor;
        this.environment = environment;
        this.additionallyAllowedTenants = List.copyOf(additionallyAllowedTenants);
        this.clock = clock;
        this.sleeper = sleeper;
        this.jitter = jitter;
        this.http = Objects.requireNonNull(http, "http");
        this.sharedTokens = sharedTokens;
    }

    /**
     * The authority host that applies, and where it came from.
     *
     * <p>Precedence, applied here and nowhere else, the same for every Entra credential: a value
     * set on {@code CredentialOptions} ({@code authorityHost} or {@code cloud}) &gt;
     * {@code AZURE_AUTHORITY_HOST} &gt; the public cloud's host (as azure-identity's options read it).
     *
     * @return the host, not yet checked, and where it came from (for the default, "the public cloud's authority host")
     */
    public Sourced<String> authorityHost() {
        if (authorityHost != null) {
            return new Sourced<>(authorityHost, authorityHostSource);
        }
        String v = environment.get(AZURE_AUTHORITY_HOST).orElse(null);
        if (v != null) {
            return new Sourced<>(v, AZURE_AUTHORITY_HOST);
        }
        return new Sourced<>(AzureCloud.AZURE_PUBLIC_CLOUD.authorityHost().toString(), "the public cloud's authority host");
    }

    /**
     * The authority for a tenant on the host that applies (see {@link #authorityHost()}).
     *
     * @param credentialName for messages
     * @param tenantId the tenant
     * @return the authority
     * @throws IllegalArgumentException if the host is not a valid authority host, naming where it came from
     */
    public Authority authority(String credentialName, String tenantId) {
        Sourced<String> host = authorityHost();
        return new Authority(Uris.authorityHost(host.value(), credentialName + ": " + host.source()), tenantId);
    }

    /**
     * The regional token service that confidential clients using the client-credentials grant
     * (secret, certificate, assertion, workload identity, pipelines, GitHub Actions) send to:
     * {@code AZURE_REGIONAL_AUTHORITY_NAME}, read for every such credential. User sign-in flows and
     * on-behalf-of never use a regional endpoint (Entra's regional service serves the
     * client-credentials grant only), so they do not call this.
     *
     * @param credentialName for messages
     * @return the region name in lower case, or {@code null} when unset
     * @throws IllegalArgumentException naming the variable, if the value is not a region name
     */
    public String region(String credentialName) {
        String region = environment.get(AZURE_REGIONAL_AUTHORITY_NAME).map(r -> r.trim().toLowerCase(Locale.ROOT))
                .filter(r -> !r.isEmpty()).orElse(null);
        if (region != null && !region.matches("[a-z0-9]{2,40}")) {
            throw new IllegalArgumentException(credentialName + ": " + AZURE_REGIONAL_AUTHORITY_NAME + " '" + region
                    + "' is not a region name. Use a name such as westus2, or leave it unset.");
        }
        return region;
    }

    /**
     * The other tenants a credential's requests may name. Precedence: tenants set on the options &gt;
     * {@code AZURE_ADDITIONALLY_ALLOWED_TENANTS} for the credentials that read it &gt; none. Every
     * credential honours {@code AZURE_IDENTITY_DISABLE_MULTITENANTAUTH} ({@code true} or {@code 1}),
     * which refuses any other tenant, as {@code azure-identity} does.
     *
     * @param credentialName for messages
     * @param variables whether this credential reads the allow-list variable
     * @return the policy
     * @throws IllegalArgumentException naming the setting or variable, if a tenant is invalid
     */
    public TenantPolicy tenantPolicy(String credentialName, Variables variables) {
        String disabled = environment.get(AZURE_IDENTITY_DISABLE_MULTITENANTAUTH).map(String::trim).orElse("");
        boolean multiTenantDisabled = disabled.equals("1") || disabled.equalsIgnoreCase("true");
        if (additionallyAllowedTenants.isEmpty() && variables == Variables.SHARED_AND_TENANTS) {
            String v = environment.get(AZURE_ADDITIONALLY_ALLOWED_TENANTS).orElse(null);
            if (v != null) {
                return new TenantPolicy(Tenants.allowedSet(Arrays.asList(v.split(";")),
                        credentialName + ": " + AZURE_ADDITIONALLY_ALLOWED_TENANTS), multiTenantDisabled);
            }
        }
        return new TenantPolicy(Tenants.allowedSet(additionallyAllowedTenants,
                credentialName + ": CredentialOptions.additionallyAllowedTenants"), multiTenantDisabled);
    }

    /** @return the environment */
    public Environment environment() {
        return environment;
    }

    /** @return the clock */
    public Clock clock() {
        return clock;
    }

    /** @return the sleeper used between retries and polls */
    public Sleeper sleeper() {
        return sleeper;
    }

    /** @return the retry jitter source */
    public DoubleSupplier jitter() {
        return jitter;
    }

    /** @return the executor: the configured one or azid's shared pool */
    public Executor executor() {
        return executor != null ? executor : AzidExecutors.shared();
    }

    /** @return the executor set explicitly, or {@code null} for azid's shared pool */
    public Executor explicitExecutor() {
        return executor;
    }

    /** @return whether a transport was set explicitly */
    public boolean hasTransport() {
        return transport != null;
    }

    /** @return the transport set explicitly, or {@code null} for the default one */
    public HttpTransport explicitTransport() {
        return transport;
    }

    /** @return the tenants set on the options (not those of {@code AZURE_ADDITIONALLY_ALLOWED_TENANTS}); unmodifiable */
    public List<String> additionallyAllowedTenants() {
        return additionallyAllowedTenants;
    }

    /** @return the HTTP part of the options */
    public HttpSettings http() {
        return http;
    }

    /** @return the cache shared with other processes, or {@code null} */
    SharedTokens sharedTokens() {
        return sharedTokens;
    }

    /** @return the factory of every HTTP pipeline and token endpoint client over these settings */
    public Pipelines pipelines() {
        return new Pipelines(this);
    }

    /** @return the factory of every token cache over these settings */
    public TokenCaches caches() {
        return new TokenCaches(this);
    }

    /**
     * The same settings over another transport (a credential that must reach a particular endpoint
     * its own way, such as workload identity through the AKS token proxy).
     *
     * @param over the transport
     * @return the new settings
     */
    public CredentialSettings withTransport(HttpTransport over) {
        // Keeps the HTTP part of the options: retries, headers and interceptors apply over this transport too.
        return new CredentialSettings(authorityHost, authorityHostSource, over, executor, environment,
                additionallyAllowedTenants, clock, sleeper, jitter, http, sharedTokens);
    }
}
