package dev.azid.internal.devtools;

import dev.azid.TokenRequestContext;
import dev.azid.internal.oauth2.Tenants;

/** The tenant a developer-tool request uses: requested, configured, or the tool's own default. */
final class DevToolTenants {

    private DevToolTenants() {
    }

    /**
     * Chooses and validates the tenant.
     *
     * @param name the credential
     * @param settings the settings
     * @param request the request
     * @return the tenant, or {@code null} for the tool's default
     */
    static String resolve(String name, DevToolSettings settings, TokenRequestContext request) {
        if (request.tenantId() == null) {
            return settings.tenantId();
        }
        if (settings.tenantId() == null) {
            return Tenants.validate(request.tenantId(), name + ": the requested tenant");
        }
        return Tenants.resolve(name, settings.tenantId(), request.tenantId(), settings.allowedTenants());
    }
}
