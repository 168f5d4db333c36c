package dev.azid;

import dev.azid.internal.devtools.AzureCliClient;
import dev.azid.internal.devtools.DevToolSettings;
import dev.azid.internal.oauth2.Tenants;
import dev.azid.internal.process.ProcessRunner;
import dev.azid.internal.util.AzidExecutors;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;

/**
 * Gets tokens from the Azure CLI's signed-in account: runs
 * {@code az account get-access-token --output json --scope S [--tenant T] [--subscription X]} from
 * an argument list (never a shell), with {@code az} resolved on {@code PATH}, standard input
 * closed, a timeout (default 20 s) after which the process tree is killed, and the scope, tenant
 * and subscription checked against safe character sets first.
 *
 * <p>Unavailable when {@code az} is not installed, not signed in, or too slow; failed when it runs
 * and reports another error. Tokens are cached like every credential's. Thread-safe.
 */
public final class AzureCliCredential implements TokenCredential {

    /** The credential's name, used in messages and logs. */
    public static final String NAME = "AzureCliCredential";

    /** The default time one {@code az} run may take. */
    public static final Duration DEFAULT_PROCESS_TIMEOUT = Duration.ofSeconds(20);

    private final AzureCliClient client;

    private AzureCliCredential(AzureCliClient client) {
        this.client = client;
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
        return client.getToken(request);
    }

    @Override
    public CompletableFuture<AccessToken> getTokenAsync(TokenRequestContext request) {
        return client.getTokenAsync(request);
    }

    @Override
    public String toString() {
        return client.toString();
    }

    /** Builds an {@link AzureCliCredential}. Not thread-safe. */
    public static final class Builder {
        private String tenantId;
        private String subscription;
        private List<String> additionallyAllowedTenants = List.of();
        private Duration processTimeout = DEFAULT_PROCESS_TIMEOUT;
        private Environment environment = Environment.system();
        private Executor executor;
        private ProcessRunner runner = ProcessRunner.system();
        private Clock clock = Clock.systemUTC();
        private ZoneId localZone = ZoneId.systemDefault();
        private String osName = System.getProperty("os.name", "Linux");

        private Builder() {
        }

        /**
         * Sets the tenant to get tokens from (default: the CLI's signed-in tenant).
         *
         * @param tenantId a tenant id or domain
         * @return this builder
         */
        public Builder tenantId(String tenantId) {
            this.tenantId = tenantId;
            return this;
        }

        /**
         * Sets the subscription whose tenant is used (default: the CLI's current subscription).
         *
         * @param subscription a subscription id or name
         * @return this builder
         */
        public Builder subscription(String subscription) {
            this.subscription = subscription;
            return this;
        }

        /**
         * Allows tokens for these tenants too, when a tenant is configured; {@code *} allows any.
         *
         * @param tenants tenant ids or domains
         * @return this builder
         */
        public Builder additionallyAllowedTenants(String... tenants) {
            this.additionallyAllowedTenants = Arrays.asList(tenants);
            return this;
        }

        /**
         * Sets the most time one {@code az} run may take (default 20 s).
         *
         * @param timeout a positive duration
         * @return this builder
         */
        public Builder processTimeout(Duration timeout) {
            this.processTimeout = Objects.requireNonNull(timeout, "timeout");
            return this;
        }

        /**
         * Sets where {@code PATH} is read (default: the process environment).
         *
         * @param environment the environment
         * @return this builder
         */
        public Builder environment(Environment environment) {
            this.environment = Objects.requireNonNull(environment, "environment");
            return this;
        }

        /**
         * Sets the executor for {@code getTokenAsync}.
         *
         * @param executor the executor
         * @return this builder
         */
        public Builder executor(Executor executor) {
            this.executor = Objects.requireNonNull(executor, "executor");
            return this;
        }

        Builder processRunner(ProcessRunner runner) {
            this.runner = runner;
            return this;
        }

        Builder clock(Clock clock, ZoneId zone) {
            this.clock = clock;
            this.localZone = zone;
            return this;
        }

        Builder osName(String osName) {
            this.osName = osName;
            return this;
        }

        /**
         * Builds the credential. Runs nothing.
         *
         * @return the credential
         * @throws IllegalArgumentException if the tenant, subscription or timeout is invalid
         */
        public AzureCliCredential build() {
            if (tenantId != null) {
                Tenants.validate(tenantId, NAME + ": tenantId");
            }
            if (processTimeout.isNegative() || processTimeout.isZero()) {
                throw new IllegalArgumentException(NAME + ": processTimeout must be positive.");
            }
            Executor exec = executor != null ? executor : AzidExecutors.shared();
            DevToolSettings settings = new DevToolSettings(runner, environment, osName, clock, localZone, processTimeout,
                    tenantId, Tenants.allowedSet(additionallyAllowedTenants, NAME + ": additionallyAllowedTenants"),
                    new dev.azid.internal.cache.TokenCache(NAME, clock, exec));
            return new AzureCliCredential(new AzureCliClient(NAME, settings, subscription, exec));
        }
    }
}
