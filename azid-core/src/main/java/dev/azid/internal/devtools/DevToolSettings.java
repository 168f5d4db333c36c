package dev.azid.internal.devtools;

import dev.azid.Environment;
import dev.azid.internal.cache.TokenCache;
import dev.azid.internal.oauth2.TenantPolicy;
import dev.azid.internal.process.ProcessRunner;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;

/**
 * What every developer-tool credential needs: how to run processes, where {@code PATH} comes from,
 * the clock and local zone, the timeout, the tenants allowed, and its token cache.
 *
 * @param runner starts processes
 * @param environment supplies {@code PATH} and friends
 * @param osName {@code os.name}
 * @param clock the clock
 * @param localZone the zone tools print local times in
 * @param timeout the most time one tool run may take
 * @param tenantId the configured tenant, or {@code null} for the tool's default
 * @param allowedTenants other tenants requests may name
 * @param cache the credential's token cache
 */
public record DevToolSettings(ProcessRunner runner, Environment environment, String osName, Clock clock,
        ZoneId localZone, Duration timeout, String tenantId, TenantPolicy allowedTenants, TokenCache cache) {
}
