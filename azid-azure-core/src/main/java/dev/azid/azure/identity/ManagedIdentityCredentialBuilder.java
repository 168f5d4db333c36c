package dev.azid.azure.identity;

import java.util.Objects;
import java.util.concurrent.ExecutorService;

/**
 * Builds a {@link ManagedIdentityCredential}, with the methods of
 * {@code com.azure.identity.ManagedIdentityCredentialBuilder}: the system-assigned identity unless
 * one of client id, resource id and object id names a user-assigned one. Not thread-safe.
 */
public final class ManagedIdentityCredentialBuilder extends CompatBuilder<ManagedIdentityCredentialBuilder> {

    private String resourceId;
    private String objectId;

    /** Creates a builder for the system-assigned identity. */
    public ManagedIdentityCredentialBuilder() {
    }

    /**
     * Uses the user-assigned identity with this client id.
     *
     * @param clientId the client id
     * @return this builder
     */
    public ManagedIdentityCredentialBuilder clientId(String clientId) {
        this.clientId = clientId;
        return this;
    }

    /**
     * Uses the user-assigned identity with this ARM resource id.
     *
     * @param resourceId e.g. {@code /subscriptions/.../userAssignedIdentities/name}
     * @return this builder
     */
    public ManagedIdentityCredentialBuilder resourceId(String resourceId) {
        this.resourceId = resourceId;
        return this;
    }

    /**
     * Uses the user-assigned identity with this object (principal) id.
     *
     * @param objectId the object id
     * @return this builder
     */
    public ManagedIdentityCredentialBuilder objectId(String objectId) {
        this.objectId = objectId;
        return this;
    }

    /**
     * Runs the reactive {@code getToken} and background refreshes on this executor (default: azid's
     * shared daemon pool). azid does not shut it down.
     *
     * @param executorService the executor
     * @return this builder
     */
    public ManagedIdentityCredentialBuilder executorService(ExecutorService executorService) {
        this.executor = Objects.requireNonNull(executorService, "executorService");
        return this;
    }

    /**
     * Detects the host from the environment and builds the credential. Performs no I/O.
     *
     * @return the credential
     * @throws IllegalStateException if more than one of client id, resource id and object id is set, as
     *     azure-identity throws
     */
    public ManagedIdentityCredential build() {
        if ((clientId != null ? 1 : 0) + (resourceId != null ? 1 : 0) + (objectId != null ? 1 : 0) > 1) {
            throw new IllegalStateException("ManagedIdentityCredential: more than one of clientId, resourceId and "
                    + "objectId is set. Set at most one of them.");
        }
        return new ManagedIdentityCredential(dev.azid.ManagedIdentityCredential.builder().options(options())
                .clientId(clientId).resourceId(resourceId).objectId(objectId).build(), clientId);
    }
}
