package dev.azid.internal.devtools;

import dev.azid.Environment;
import dev.azid.internal.cache.TokenCache;
import dev.azid.internal.oauth2.Tenants;
import dev.azid.internal.process.ProcessRunner;
import dev.azid.internal.util.AzidExecutors;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Executor;

/** The mutable settings behind every developer-tool credential builder; builders delegate here. */
public final class DevToolOptions {

    /** A tool that has not answered within an hour is hung; longer values also overflow the runner's millisecond wait. */
    private static final Duration MAX_TIMEOUT = Duration.ofHours(1);

    private String tenantId;
    private List<String> additionallyAllowedTenants = List.of();
    private Duration processTimeout;
    private Environment environment = Environment.system();
    private Executor executor;
    private ProcessRunner runner = ProcessRunner.system();
    private Clock clock = Clock.systemUTC();
    private ZoneId localZone = ZoneId.systemDefault();
    private String osName = System.getProperty("os.name", "Linux");

    /**
     * Creates options with a default timeout.
     *
     * @param defaultTimeout the tool's default timeout
     */
    public DevToolOptions(Duration defaultTimeout) {
        this.processTimeout = defaultTimeout;
    }

    /** @param value the tenant */
    public void tenantId(String value) {
        this.tenantId = value;
    }

    /** @param tenants the allowed tenants */
    public void additionallyAllowedTenants(String... tenants) {
        this.additionallyAllowedTenants = Arrays.asList(tenants);
    }

    /** @param value the timeout */
    public void processTimeout(Duration value) {
        this.processTimeout = Objects.requireNonNull(value, "processTimeout");
    }

    /** @param value the environment */
    public void environment(Environment value) {
        this.environment = Objects.requireNonNull(value, "environment");
    }

    /** @param value the executor */
    public void executor(Executor value) {
        this.executor = Objects.requireNonNull(value, "executor");
    }

    /** @param value the process runner */
    public void runner(ProcessRunner value) {
        this.runner = Objects.requireNonNull(value, "runner");
    }

    /**
     * @param value the clock
     * @param zone the local zone
     */
    public void clock(Clock value, ZoneId zone) {
        this.clock = Objects.requireNonNull(value, "clock");
        this.localZone = Objects.requireNonNull(zone, "zone");
    }

    /** @param value the OS name */
    public void osName(String value) {
        this.osName = Objects.requireNonNull(value, "osName");
    }

    /** @return the executor, or azid's shared pool */
    public Executor executor() {
        return executor != null ? executor : AzidExecutors.shared();
    }

    /**
     * Validates and freezes the options.
     *
     * @param credentialName the credential, for messages
     * @return the settings
     * @throws IllegalArgumentException if the tenant, an allowed tenant or the timeout is invalid
     */
    public DevToolSettings build(String credentialName) {
        if (tenantId != null) {
            Tenants.validate(tenantId, credentialName + ": tenantId");
        }
        if (processTimeout.isNegative() || processTimeout.isZero() || processTimeout.compareTo(MAX_TIMEOUT) > 0) {
            throw new IllegalArgumentException(credentialName + ": processTimeout must be positive and at most "
                    + MAX_TIMEOUT.toMinutes() + " minutes. Set a timeout such as 20 seconds.");
        }
        return new DevToolSettings(runner, environment, osName, clock, localZone, processTimeout, tenantId,
                Tenants.allowedSet(additionallyAllowedTenants, credentialName + ": additionallyAllowedTenants"),
                new TokenCache(credentialName, clock, executor()));
    }
}
