package dev.azid.emulator;

import dev.azid.emulator.EmulatorConfig.FederatedCredential;
import java.util.List;
import java.util.Objects;

/**
 * Builds an {@link EmulatorConfig.Application}: {@link EmulatorConfig.Application#builder(String)} or
 * {@code toBuilder()}. Every list defaults to empty. Not thread-safe.
 */
public final class ApplicationBuilder {
    private final String clientId;
    private String displayName = "";
    private List<String> secrets = List.of();
    private List<String> certificates = List.of();
    private boolean multiTenant;
    private List<String> redirectUris = List.of();
    private List<String> roles = List.of();
    private List<FederatedCredential> federatedCredentials = List.of();

    ApplicationBuilder(String clientId) {
        this.clientId = Objects.requireNonNull(clientId, "clientId");
    }

    /**
     * Sets the name (default empty).
     *
     * @param displayName the name
     * @return this builder
     */
    public ApplicationBuilder displayName(String displayName) {
        this.displayName = Objects.requireNonNull(displayName, "displayName");
        return this;
    }

    /**
     * Sets the valid client secret values.
     *
     * @param secrets the secrets
     * @return this builder
     */
    public ApplicationBuilder secrets(List<String> secrets) {
        this.secrets = List.copyOf(secrets);
        return this;
    }

    /**
     * Sets the PEM certificates whose keys may sign client assertions.
     *
     * @param certificates the certificates
     * @return this builder
     */
    public ApplicationBuilder certificates(List<String> certificates) {
        this.certificates = List.copyOf(certificates);
        return this;
    }

    /**
     * Sets whether other tenants may use the app (default {@code false}).
     *
     * @param multiTenant whether it is multi-tenant
     * @return this builder
     */
    public ApplicationBuilder multiTenant(boolean multiTenant) {
        this.multiTenant = multiTenant;
        return this;
    }

    /**
     * Sets the registered redirect URIs.
     *
     * @param redirectUris the URIs
     * @return this builder
     */
    public ApplicationBuilder redirectUris(List<String> redirectUris) {
        this.redirectUris = List.copyOf(redirectUris);
        return this;
    }

    /**
     * Sets the app roles granted to it (the {@code roles} claim).
     *
     * @param roles the roles
     * @return this builder
     */
    public ApplicationBuilder roles(List<String> roles) {
        this.roles = List.copyOf(roles);
        return this;
    }

    /**
     * Sets the external tokens it accepts as client assertions.
     *
     * @param federatedCredentials the federated credentials
     * @return this builder
     */
    public ApplicationBuilder federatedCredentials(List<FederatedCredential> federatedCredentials) {
        this.federatedCredentials = List.copyOf(federatedCredentials);
        return this;
    }

    /** @return the application */
    public EmulatorConfig.Application build() {
        return new EmulatorConfig.Application(clientId, displayName, secrets, certificates, multiTenant, redirectUris, roles,
                federatedCredentials);
    }
}
