package dev.azid.internal.devtools;

import dev.azid.internal.cache.CachedTokenSource;
import dev.azid.internal.oauth2.Tenants;

/** The tenant a developer-tool request uses: requested, configured, or the tool's own default. */
final class DevToolTenants {

    private DevToolTenants() {
    }

    /**
     * The tenant rule of a developer tool: the requested tenant, checked; else the configured one;
     * else {@code null} for the tool's default. A configured tenant allows others only as
     * {@link Tenants#resolve} does.
     *
     * @param name the credential
     * @param settings the settings
     * @return the rule
     */
    static CachedTokenSource.TenantRule rule(String name, DevToolSettings settings) {
        return requested -> {
            if (requested == null) {
                return settings.tenantId();
            }
            if (settings.tenantId() == null) {
                return Tenants.validate(requested, name + ": the requested tenant");
            }
            return Tenants.resolve(name, settings.tenantId(), requested, settings.allowedTenants());
        };
    }
}
