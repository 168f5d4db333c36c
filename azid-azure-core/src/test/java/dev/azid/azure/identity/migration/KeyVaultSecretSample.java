package dev.azid.azure.identity.migration;

import com.azure.security.keyvault.secrets.SecretClient;
import com.azure.security.keyvault.secrets.SecretClientBuilder;
import dev.azid.azure.identity.DefaultAzureCredentialBuilder;

/** README's first sample: a Key Vault SecretClient authenticated by DefaultAzureCredential. */
public final class KeyVaultSecretSample {

    private KeyVaultSecretSample() {
    }

    /**
     * Stores a secret and reads it back.
     *
     * @param sandbox the surroundings
     * @return the value read back
     */
    public static String run(Sandbox sandbox) {
        SecretClient client = new SecretClientBuilder()
                .vaultUrl(sandbox.keyVaultUrl())
                .credential(new DefaultAzureCredentialBuilder()
                        .authorityHost(sandbox.authorityHost())
                        .httpClient(sandbox.httpClient())
                        .configuration(sandbox.configuration())
                        .build())
                .httpClient(sandbox.httpClient())
                // The emulated vault is on 127.0.0.1, which cannot match the challenge's resource.
                .disableChallengeResourceVerification()
                .buildClient();
        client.setSecret("migration-sample", "value-from-the-sample");
        return client.getSecret("migration-sample").getValue();
    }
}
