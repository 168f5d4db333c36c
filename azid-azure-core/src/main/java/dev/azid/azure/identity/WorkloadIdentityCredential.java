package dev.azid.azure.identity;

/**
 * Authenticates a Kubernetes workload with its federated service account token. An azure-core {@code TokenCredential} with the name and behaviour of
 * {@code com.azure.identity.WorkloadIdentityCredential}, backed by {@code dev.azid.WorkloadIdentityCredential}. Built by {@link WorkloadIdentityCredentialBuilder}.
 * Thread-safe.
 */
public final class WorkloadIdentityCredential extends BackedCredential {

    WorkloadIdentityCredential(dev.azid.TokenCredential azid) {
        super(azid);
    }
}
