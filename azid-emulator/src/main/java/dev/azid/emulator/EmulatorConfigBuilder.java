package dev.azid.emulator;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/** Builds an {@link EmulatorConfig}: {@link EmulatorConfig#builder()} or {@link EmulatorConfig#toBuilder()}. Not thread-safe. */
public final class EmulatorConfigBuilder {
    private long tokenLifetimeSeconds = 3599;
    private final List<EmulatorConfig.Tenant> tenants = new ArrayList<>();
    private final List<EmulatorConfig.Resource> resources = new ArrayList<>();

    EmulatorConfigBuilder() {
    }

    /**
     * Sets the lifetime of issued access tokens (default 3599; at least 60).
     *
     * @param seconds the lifetime
     * @return this builder
     */
    public EmulatorConfigBuilder tokenLifetimeSeconds(long seconds) {
        this.tokenLifetimeSeconds = seconds;
        return this;
    }

    /**
     * Replaces the tenants (default none).
     *
     * @param tenants the tenants
     * @return this builder
     */
    public EmulatorConfigBuilder tenants(List<EmulatorConfig.Tenant> tenants) {
        this.tenants.clear();
        this.tenants.addAll(tenants);
        return this;
    }

    /**
     * Adds a tenant.
     *
     * @param tenant the tenant
     * @return this builder
     */
    public EmulatorConfigBuilder addTenant(EmulatorConfig.Tenant tenant) {
        this.tenants.add(Objects.requireNonNull(tenant, "tenant"));
        return this;
    }

    /**
     * Replaces the resources tokens may be requested for (default none).
     *
     * @param resources the resources
     * @return this builder
     */
    public EmulatorConfigBuilder resources(List<EmulatorConfig.Resource> resources) {
        this.resources.clear();
        this.resources.addAll(resources);
        return this;
    }

    /**
     * Adds a resource.
     *
     * @param resource the resource
     * @return this builder
     */
    public EmulatorConfigBuilder addResource(EmulatorConfig.Resource resource) {
        this.resources.add(Objects.requireNonNull(resource, "resource"));
        return this;
    }

    /**
     * Builds the configuration.
     *
     * @return the configuration
     * @throws IllegalArgumentException if the token lifetime is under 60 seconds
     */
    public EmulatorConfig build() {
        return new EmulatorConfig(tokenLifetimeSeconds, tenants, resources);
    }
}
