package dev.azid.benchmarks;

import dev.azid.CredentialOptions;
import dev.azid.ClientSecretCredential;
import dev.azid.TokenRequestContext;

/**
 * Child JVM for the cold-start comparison: one {@code ClientSecretCredential} token with azid, using
 * its default HTTP transport (the JVM's trust store, set by the parent), then exit.
 */
public final class ColdStartAzid {

    private ColdStartAzid() {
    }

    /**
     * Entry point; the request comes from {@link ChildSettings}.
     *
     * @param args ignored
     */
    public static void main(String[] args) {
        ChildSettings s = ChildSettings.fromEnvironment();
        ClientSecretCredential credential = ClientSecretCredential.builder()
                .tenantId(s.tenantId())
                .clientId(s.clientId())
                .clientSecret(s.clientSecret())
                .options(CredentialOptions.builder().authorityHost(s.authorityHost()).build())
                .build();
        ChildOutput.tokenObtainedAndExit(credential.getToken(TokenRequestContext.of(s.scope())).token());
    }
}
