package dev.azid.emulator;

import dev.azid.emulator.EmulatorConfig.Application;
import dev.azid.emulator.EmulatorConfig.ManagedIdentity;
import dev.azid.emulator.EmulatorConfig.Subscription;
import dev.azid.emulator.EmulatorConfig.User;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/** Builds an {@link EmulatorConfig.Tenant}: {@link EmulatorConfig.Tenant#builder(String)} or {@code toBuilder()}. Not thread-safe. */
public final class TenantBuilder {
    private final String tenantId;
    private List<String> domains = List.of();
    private String displayName = "";
    private final List<Application> applications = new ArrayList<>();
    private final List<User> users = new ArrayList<>();
    private final List<ManagedIdentity> managedIdentities = new ArrayList<>();
    private final List<Subscription> subscriptions = new ArrayList<>();

    TenantBuilder(String tenantId) {
        this.tenantId = Objects.requireNonNull(tenantId, "tenantId");
    }

    /**
     * Sets the domains, e.g. {@code contoso.onmicrosoft.com} (default none).
     *
     * @param domains the domains
     * @return this builder
     */
    public TenantBuilder domains(List<String> domains) {
        this.domains = List.copyOf(domains);
        return this;
    }

    /**
     * Sets the name (default empty).
     *
     * @param displayName the name
     * @return this builder
     */
    public TenantBuilder displayName(String displayName) {
        this.displayName = Objects.requireNonNull(displayName, "displayName");
        return this;
    }

    /**
     * Replaces the app registrations (default none).
     *
     * @param applications the applications
     * @return this builder
     */
    public TenantBuilder applications(List<Application> applications) {
        this.applications.clear();
        this.applications.addAll(applications);
        return this;
    }

    /**
     * Adds an app registration.
     *
     * @param application the application
     * @return this builder
     */
    public TenantBuilder addApplication(Application application) {
        this.applications.add(Objects.requireNonNull(application, "application"));
        return this;
    }

    /**
     * Replaces the users (default none).
     *
     * @param users the users
     * @return this builder
     */
    public TenantBuilder users(List<User> users) {
        this.users.clear();
        this.users.addAll(users);
        return this;
    }

    /**
     * Adds a user.
     *
     * @param user the user
     * @return this builder
     */
    public TenantBuilder addUser(User user) {
        this.users.add(Objects.requireNonNull(user, "user"));
        return this;
    }

    /**
     * Replaces the managed identities (default none).
     *
     * @param managedIdentities the identities
     * @return this builder
     */
    public TenantBuilder managedIdentities(List<ManagedIdentity> managedIdentities) {
        this.managedIdentities.clear();
        this.managedIdentities.addAll(managedIdentities);
        return this;
    }

    /**
     * Replaces the subscriptions (default none).
     *
     * @param subscriptions the subscriptions
     * @return this builder
     */
    public TenantBuilder subscriptions(List<Subscription> subscriptions) {
        this.subscriptions.clear();
        this.subscriptions.addAll(subscriptions);
        return this;
    }

    /** @return the tenant */
    public EmulatorConfig.Tenant build() {
        return new EmulatorConfig.Tenant(tenantId, domains, displayName, applications, users, managedIdentities, subscriptions);
    }
}
