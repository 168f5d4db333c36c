package dev.azid.azure;

import dev.azid.CredentialOptions;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.azure.core.exception.ResourceNotFoundException;
import com.azure.core.http.jdk.httpclient.JdkHttpClientBuilder;
import com.azure.security.keyvault.secrets.SecretClient;
import com.azure.security.keyvault.secrets.SecretClientBuilder;
import com.azure.security.keyvault.secrets.models.KeyVaultSecret;
import dev.azid.ClientSecretCredential;
import dev.azid.emulator.EmulatorConfig;
import dev.azid.emulator.EntraEmulator;
import dev.azid.emulator.RecordedRequest;
import dev.azid.http.HttpTransport;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The official Key Vault {@link SecretClient}, authenticated by an azid credential through the
 * adapter, against the emulator's Key Vault: bearer challenge, tenant discovery, caching and a CAE
 * claims challenge.
 */
class KeyVaultSecretClientTest {

    private static final String TOKEN_PATH = "/oauth2/v2.0/token";

    private EntraEmulator emulator;

    // A new emulator per test, on a new port: the SDK caches challenges per host and port in a static map,
    // and a fresh authority makes each test see the first challenge itself.
    @BeforeEach
    void start() {
        emulator = EntraEmulator.builder().start();
    }

    @AfterEach
    void stop() {
        emulator.close();
    }

    private SecretClient client() {
        // The domain, not the tenant id: token requests to the tenant id can then only come from the challenge.
        ClientSecretCredential azid = ClientSecretCredential.builder().tenantId(EmulatorConfig.DEFAULT_TENANT_DOMAIN)
                .options(CredentialOptions.builder().additionallyAllowedTenants(EmulatorConfig.DEFAULT_TENANT_ID).authorityHost(emulator.authorityHost().toString()).httpTransport(HttpTransport.builder().sslContext(emulator.sslContext()).build()).build()).clientId(EmulatorConfig.DEFAULT_CLIENT_ID)
                .clientSecret(EmulatorConfig.DEFAULT_CLIENT_SECRET).build();
        return new SecretClientBuilder().vaultUrl(emulator.endpoints().keyVaultEndpoint().toString())
                .credential(AzureCoreCredential.of(azid))
                .httpClient(new JdkHttpClientBuilder(java.net.http.HttpClient.newBuilder()
                        .sslContext(emulator.sslContext())).build())
                // The vault's host is 127.0.0.1, not a *.vault.azure.net name, so the challenge's resource
                // (https://vault.azure.net) cannot match it; real vaults need no such switch.
                .disableChallengeResourceVerification()
                .buildClient();
    }

    private List<RecordedRequest> tokenRequests() {
        return emulator.requestLog().matching(TOKEN_PATH);
    }

    @Test
    void setAndGet_roundTrip_withOneTokenRequestForTheChallengedTenant() {
        SecretClient secrets = client();
        KeyVaultSecret set = secrets.setSecret("db-password", "emulated-value");
        KeyVaultSecret latest = secrets.getSecret("db-password");
        KeyVaultSecret byVersion = secrets.getSecret("db-password", set.getProperties().getVersion());
        secrets.setSecret("other", "another-value");

        assertThat(latest.getValue()).isEqualTo("emulated-value");
        assertThat(latest.getId()).isEqualTo(set.getId()).startsWith(emulator.endpoints().keyVaultEndpoint() + "secrets/db-password/");
        assertThat(byVersion.getValue()).isEqualTo("emulated-value");
        assertThat(latest.getProperties().getName()).isEqualTo("db-password");
        assertThat(latest.getProperties().isEnabled()).isTrue();

        RecordedRequest probe = emulator.requestLog().all().get(0);
        assertThat(probe.method()).isEqualTo("PUT");
        assertThat(probe.path()).isEqualTo("/secrets/db-password");
        assertThat(probe.status()).isEqualTo(401);
        assertThat(probe.header("Authorization")).isEmpty();
        List<RecordedRequest> tokens = tokenRequests();
        assertThat(tokens).hasSize(1);
        assertThat(tokens.get(0).path()).isEqualTo("/" + EmulatorConfig.DEFAULT_TENANT_ID + TOKEN_PATH);
        assertThat(tokens.get(0).form()).containsEntry("scope", "https://vault.azure.net/.default");
        assertThat(emulator.requestLog().matching("^/secrets/").stream().filter(r -> r.status() == 200)).hasSize(4);
    }

    @Test
    void missingSecret_isResourceNotFound() {
        SecretClient secrets = client();
        assertThatThrownBy(() -> secrets.getSecret("never-set")).isInstanceOf(ResourceNotFoundException.class)
                .hasMessageContaining("SecretNotFound");
        assertThat(tokenRequests()).hasSize(1);
    }

    @Test
    void caeClaimsChallenge_getsATokenWithTheClaims_thenSucceeds() {
        SecretClient secrets = client();
        secrets.setSecret("cae", "before");
        assertThat(tokenRequests()).hasSize(1);
        // Key Vault's SDK always declares CAE support; the adapter passes it on and azid adds the cp1 capability.
        assertThat(tokenRequests().get(0).form().get("claims")).contains("\"xms_cc\"").contains("cp1");

        emulator.challengeNextKeyVaultRequest();
        assertThat(secrets.getSecret("cae").getValue()).isEqualTo("before");

        List<RecordedRequest> tokens = tokenRequests();
        assertThat(tokens).hasSize(2);
        assertThat(tokens.get(1).path()).isEqualTo("/" + EmulatorConfig.DEFAULT_TENANT_ID + TOKEN_PATH);
        assertThat(tokens.get(1).form().get("claims")).contains("\"nbf\"").contains("\"essential\":true").contains("cp1");
        assertThat(emulator.requestLog().matching("^/secrets/cae$").stream().map(RecordedRequest::status))
                .containsSubsequence(401, 200);

        // The token fetched for the claims replaced the cached one: no further token request.
        secrets.getSecret("cae");
        assertThat(tokenRequests()).hasSize(2);
    }
}
