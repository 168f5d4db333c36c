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
        ClientSecretCredential credential = new ClientSecretCredentialBuilder()
                .tenantId(s.tenantId())
                .clientId(s.clientId())
                .clientSecret(s.clientSecret())
                .authorityHost(s.authorityHost())
                .disableInstanceDiscovery()
                .build();
        ChildOutput.tokenObtainedAndExit(
                credential.getTokenSync(new TokenRequestContext().addScopes(s.scope())).getToken());
    }
}
