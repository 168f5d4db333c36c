package dev.azid.emulator.internal;

import dev.azid.emulator.EmulatorConfig;
import dev.azid.emulator.EmulatorConfig.Application;
import dev.azid.emulator.EmulatorConfig.Tenant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The directory the emulator serves, with the look-ups several protocols share: tenants, apps and the
 * first tenant (the one managed identities, Key Vault and AD FS belong to). Immutable.
 *
 * @param config the configuration
 */
record Directory(EmulatorConfig config) {

    /** @return the first tenant, if any */
    Optional<Tenant> firstTenant() {
        return config.tenants().isEmpty() ? Optional.empty() : Optional.of(config.tenants().get(0));
    }

    /** @return the first tenant's id, or {@code common} when there is none */
    String firstTenantId() {
        return firstTenant().map(Tenant::tenantId).orElse("common");
    }

    /**
     * The client the start line names: the first tenant's first app with a secret or certificate,
     * else its first app.
     *
     * @return the client id, or an empty string when the first tenant has no app
     */
    String firstConfidentialClientId() {
        List<Application> apps = firstTenant().map(Tenant::applications).orElse(List.of());
        return apps.stream().filter(a -> !a.secrets().isEmpty() || !a.certificates().isEmpty()).findFirst()
                .or(() -> apps.stream().findFirst()).map(Application::clientId).orElse("");
    }

    /**
     * The tenant of a user flow: {@code common}, {@code organizations}, {@code consumers} and
     * {@code adfs} mean the first tenant; otherwise the tenant with that id or domain.
     *
     * @param segment the tenant path segment
     * @return the tenant
     * @throws Problem AADSTS90002 if there is none
     */
    Tenant userTenant(String segment) {
        String s = segment.toLowerCase(Locale.ROOT);
        if ((s.equals("common") || s.equals("organizations") || s.equals("consumers") || s.equals("adfs"))
                && !config.tenants().isEmpty()) {
            return config.tenants().get(0);
        }
        return config.tenant(segment).orElseThrow(() -> new Problem(400, "invalid_request", 90002, "Tenant '" + segment
                + "' not found. Check to make sure you have the correct tenant ID and are signing into the correct cloud."));
    }

    /**
     * Whether an application may be used in a tenant: registered there, or multi-tenant anywhere.
     *
     * @param tenant the tenant
     * @param clientId the client id
     * @return whether it is known
     */
    boolean knowsClient(Tenant tenant, String clientId) {
        return application(tenant, clientId).isPresent();
    }

    /**
     * The application a client id names in a tenant: registered there, or multi-tenant anywhere.
     *
     * @param tenant the tenant
     * @param clientId the client id
     * @return the application
     */
    Optional<Application> application(Tenant tenant, String clientId) {
        for (Tenant t : config.tenants()) {
            for (Application a : t.applications()) {
                if (a.clientId().equalsIgnoreCase(clientId) && (t == tenant || a.multiTenant())) {
                    return Optional.of(a);
                }
            }
        }
        return Optional.empty();
    }
}
