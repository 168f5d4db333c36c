package dev.azid.benchmarks;

import com.azure.core.credential.TokenRequestContext;
import com.azure.identity.ClientSecretCredential;
import com.azure.identity.ClientSecretCredentialBuilder;

/**
 * Child JVM for the cold-start comparison: one {@code ClientSecretCredential} token with
 * com.azure:azure-identity and its default HTTP client (the JDK adapter, found on the classpath; the
 * JVM's trust store, set by the parent), then exit. Instance discovery is disabled because the
 * emulator is not a known Entra host.
 */
public final class ColdStartAzureIdentity {

    private ColdStartAzureIdentity() {
    }

    /**
     * Entry point; the request comes from {@link ChildSettings}.
     *
     * @param args ignored
     */
    public static void main(String[] args) {
        ChildSettings s = ChildSettings.fromEnvironment();
        ClientSecretCredential credential = credential(s);
        ChildOutput.tokenObtainedAndExit(
                credential.getTokenSync(new TokenRequestContext().addScopes(s.scope())).getToken());
    }

    /**
     * The credential of this child, which {@link FleetChildAzureIdentity} uses too: the settings' client
     * and authority host, azure-identity's default HTTP client, instance discovery disabled. Here, in the
     * cold-start child's own class, so that sharing it loads no extra class in the cold start measured.
     *
     * @param s the settings
     * @return the credential
     */
    static ClientSecretCredential credential(ChildSettings s) {
        return new ClientSecretCredentialBuilder()
                .tenantId(s.tenantId())
                .clientId(s.clientId())
                .clientSecret(s.clientSecret())
                .authorityHost(s.authorityHost())
                .disableInstanceDiscovery()
                .build();
    }
}
