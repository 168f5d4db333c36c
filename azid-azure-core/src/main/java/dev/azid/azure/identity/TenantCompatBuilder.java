package dev.azid.azure.identity;

import java.util.Arrays;
import java.util.List;

/**
 * What the compatibility builders of the Entra ID credentials and of the developer-tool credentials
 * (Azure CLI, Azure Developer CLI, Azure PowerShell) share: the tenant and the additionally allowed
 * tenants. The developer-tool builders take it as it is (as azid's {@code DeveloperToolBuilder} gives
 * their azid builders these settings); {@link EntraCompatBuilder} adds to it. Package-private: the
 * public builders expose these methods as their own.
 *
 * @param <T> the builder
 */
abstract class TenantCompatBuilder<T extends TenantCompatBuilder<T>> extends CompatBuilder<T> {

    TenantCompatBuilder() {
    }

    /**
     * Sets the tenant (directory) id or domain; for a developer-tool credential, the tenant to ask the
     * tool for tokens of (default: the tool's signed-in tenant).
     *
     * @param tenantId the tenant
     * @return this builder
     */
    public T tenantId(String tenantId) {
        this.tenantId = tenantId;
        return self();
    }

    /**
     * Allows tokens for these tenants too, when a request names them; {@code *} allows any. Replaces
     * the tenants set before.
     *
     * @param additionallyAllowedTenants tenant ids or domains
     * @return this builder
     */
    public T additionallyAllowedTenants(String... additionallyAllowedTenants) {
        return additionallyAllowedTenants(Arrays.asList(additionallyAllowedTenants));
    }

    /**
     * Allows tokens for these tenants too, when a request names them; {@code *} allows any. Replaces
     * the tenants set before.
     *
     * @param additionallyAllowedTenants tenant ids or domains
     * @return this builder
     */
    public T additionallyAllowedTenants(List<String> additionallyAllowedTenants) {
        allowedTenants.clear();
        allowedTenants.addAll(additionallyAllowedTenants);
        return self();
    }
}
