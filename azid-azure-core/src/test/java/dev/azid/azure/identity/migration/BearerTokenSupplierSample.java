package dev.azid.azure.identity.migration;

import dev.azid.azure.identity.AuthenticationUtil;
import dev.azid.azure.identity.ClientSecretCredential;
import dev.azid.azure.identity.ClientSecretCredentialBuilder;
import java.util.function.Supplier;

/** AuthenticationUtil.getBearerTokenSupplier for an HTTP client that is not an Azure SDK client. */
public final class BearerTokenSupplierSample {

    private BearerTokenSupplierSample() {
    }

    /**
     * Builds the Authorization header twice, as a client making two calls would.
     *
     * @param sandbox the surroundings
     * @return the two header values
     */
    public static String[] run(Sandbox sandbox) {
        ClientSecretCredential credential = new ClientSecretCredentialBuilder()
                .tenantId(sandbox.tenantId())
                .clientId(sandbox.clientId())
                .clientSecret(sandbox.clientSecret())
                .authorityHost(sandbox.authorityHost())
                .httpClient(sandbox.httpClient())
                .build();
        Supplier<String> supplier = AuthenticationUtil.getBearerTokenSupplier(credential,
                "https://cognitiveservices.azure.com/.default");
        return new String[] {"Bearer " + supplier.get(), "Bearer " + supplier.get()};
    }
}
