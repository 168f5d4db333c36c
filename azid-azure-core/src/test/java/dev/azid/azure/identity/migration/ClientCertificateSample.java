package dev.azid.azure.identity.migration;

import com.azure.core.credential.AccessToken;
import com.azure.core.credential.TokenRequestContext;
import dev.azid.azure.identity.AzureAuthorityHosts;
import dev.azid.azure.identity.ClientCertificateCredential;
import dev.azid.azure.identity.ClientCertificateCredentialBuilder;

/** README "Authenticate a service principal with a client certificate". */
public final class ClientCertificateSample {

    private ClientCertificateSample() {
    }

    /**
     * Gets an ARM token with a PEM certificate.
     *
     * @param sandbox the surroundings
     * @return the token
     */
    public static AccessToken run(Sandbox sandbox) {
        // In production: .authorityHost(AzureAuthorityHosts.AZURE_PUBLIC_CLOUD), the default.
        String authority = sandbox.authorityHost() != null ? sandbox.authorityHost() : AzureAuthorityHosts.AZURE_PUBLIC_CLOUD;
        ClientCertificateCredential credential = new ClientCertificateCredentialBuilder()
                .tenantId(sandbox.tenantId())
                .clientId(sandbox.certificateClientId())
                .pemCertificate(sandbox.certificatePath())
                .authorityHost(authority)
                .httpClient(sandbox.httpClient())
                .build();
        return credential.getTokenSync(new TokenRequestContext().addScopes("https://management.azure.com/.default"));
    }
}
