package dev.azid.azure.identity.migration;

import com.azure.core.credential.AccessToken;
import com.azure.core.credential.TokenRequestContext;
import dev.azid.azure.identity.WorkloadIdentityCredential;
import dev.azid.azure.identity.WorkloadIdentityCredentialBuilder;

/** Workload identity on AKS: the webhook's variables configure everything. */
public final class WorkloadIdentitySample {

    private WorkloadIdentitySample() {
    }

    /**
     * Gets a Key Vault token for the pod's service account.
     *
     * @param sandbox the surroundings; its configuration is what the AKS webhook injects
     * @return the token
     */
    public static AccessToken run(Sandbox sandbox) {
        WorkloadIdentityCredential credential = new WorkloadIdentityCredentialBuilder()
                .configuration(sandbox.configuration())
                .httpClient(sandbox.httpClient())
                .build();
        return credential.getTokenSync(new TokenRequestContext().addScopes("https://vault.azure.net/.default"));
    }
}
