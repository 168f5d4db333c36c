package dev.azid.internal.devtools;

import dev.azid.internal.credential.CredentialSettings;
import dev.azid.internal.oauth2.Tenants;
import dev.azid.internal.process.ProcessRunner;
import java.time.Duration;
import java.time.ZoneId;
import java.util.Objects;

/**
 * The fields only the developer-tool credential builders have (tenant, timeout, and the test seams
 * for processes, local zone and OS); the builders delegate here. What every credential shares comes
 * from {@link CredentialSettings}. Not thread-safe, like the builders.
 */
public final class DevToolFields {

    /** A tool that has not answered within an hour is hung; longer values also overflow the runner's millisecond wait. */
    private static final Duration MAX_TIMEOUT = Duration.ofHours(1);

    private String tenantId;
    private Duration processTimeout;
    private ProcessRunner runner = ProcessRunner.system();
    private ZoneId localZone = ZoneId.systemDefault();
    private String osName = System.getProperty("os.name", "Linux");

    /**
     * Creates options with a default timeout.
     *
     * @param defaultTimeout the tool's default timeout
     */
    public DevToolFields(Duration defaultTimeout) {
        this.processTimeout = defaultTimeout;
    }

    /** @param value the tenant */
    public void tenantId(String value) {
        this.tenantId = value;
    }

    /** @param value the timeout */
    public void processTimeout(Duration value) {
        this.processTimeout = Objects.requireNonNull(value, "processTimeout");
    }

    /** @param value the process runner */
    public void runner(ProcessRunner value) {
        this.runner = Objects.requireNonNull(value, "runner");
    }

    /** @param zone the zone the tool prints local times in */
    public void localZone(ZoneId zone) {
        this.localZone = Objects.requireNonNull(zone, "zone");
    }

    /** @param value the OS name */
    public void osName(String value) {
        this.osName = Objects.requireNonNull(value, "osName");
    }

    /**
     * Validates and freezes the options.
     *
     * @param credentialName the credential, for messages
     * @param shared what every credential shares
     * @return the settings
     * @throws IllegalArgumentException if the tenant, an allowed tenant or the timeout is invalid
     */
    public DevToolSettings build(String credentialName, CredentialSettings shared) {
        if (tenantId != null) {
            Tenants.validate(tenantId, credentialName + ": tenantId");
        }
        if (processTimeout.isNegative() || processTimeout.isZero() || processTimeout.compareTo(MAX_TIMEOUT) > 0) {
            throw new IllegalArgumentException(credentialName + ": processTimeout must be positive and at most "
                    + MAX_TIMEOUT.toMinutes() + " minutes. Set a timeout such as 20 seconds.");
        }
        return new DevToolSettings(runner, shared.environment(), osName, shared.clock(), localZone, processTimeout,
                tenantId, shared.tenantPolicy(credentialName, CredentialSettings.Variables.SHARED),
                shared.caches().newCache(credentialName));
    }
}
