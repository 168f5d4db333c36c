package dev.azid.conformance;

import dev.azid.CredentialOptions;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.azure.core.credential.TokenRequestContext;
import com.azure.core.http.HttpClient;
import com.azure.core.http.jdk.httpclient.JdkHttpClientBuilder;
import com.azure.identity.ClientSecretCredentialBuilder;
import dev.azid.AccessToken;
import dev.azid.AuthenticationFailedException;
import dev.azid.ClientSecretCredential;
import dev.azid.http.HttpTransport;
import dev.azid.emulator.AzidEmulator;
import dev.azid.emulator.EmulatorConfig;
import dev.azid.emulator.EntraEmulator;
import dev.azid.test.LogCapture;
import java.time.OffsetDateTime;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Microsoft's official azure-identity client and azid, side by side against the emulator: both get
 * tokens that validate against the emulator's published keys, and both read its errors.
 */
@AzidEmulator
class AzureIdentityConformanceTest {

    private static final String ARM = "https://management.azure.com/.default";

    @RegisterExtension
    final LogCapture logs = new LogCapture();

    private static HttpClient officialHttpClient(EntraEmulator emulator) {
        return new JdkHttpClientBuilder(java.net.http.HttpClient.newBuilder().sslContext(emulator.sslContext())).build();
    }

    private static com.azure.identity.ClientSecretCredential official(EntraEmulator emulator, String secret) {
        return new ClientSecretCredentialBuilder()
                .tenantId(EmulatorConfig.DEFAULT_TENANT_ID)
                .clientId(EmulatorConfig.DEFAULT_CLIENT_ID)
                .clientSecret(secret)
                .authorityHost(emulator.authorityHost().toString())
                .disableInstanceDiscovery()
                .httpClient(officialHttpClient(emulator))
                .build();
    }

    private static ClientSecretCredential azid(EntraEmulator emulator, String secret) {
        return ClientSecretCredential.builder()
                .tenantId(EmulatorConfig.DEFAULT_TENANT_ID)
                .clientId(EmulatorConfig.DEFAULT_CLIENT_ID)
                .clientSecret(secret)
                .options(CredentialOptions.builder().authorityHost(emulator.authorityHost().toString()).httpTransport(HttpTransport.builder().sslContext(emulator.sslContext()).build()).build())
                .build();
    }

    @Test
    void officialClientSecretCredential_getsTokenThatValidatesAgainstJwks(EntraEmulator emulator) throws Exception {
        com.azure.core.credential.AccessToken token = official(emulator, EmulatorConfig.DEFAULT_CLIENT_SECRET)
                .getTokenSync(new TokenRequestContext().addScopes(ARM));

        Map<String, Object> claims = JwksVerifier.forTenant(emulator.authorityHost(), EmulatorConfig.DEFAULT_TENANT_ID,
                emulator.sslContext()).verify(token.getToken());
        assertThat(claims).containsEntry("aud", "https://management.azure.com/")
                .containsEntry("tid", EmulatorConfig.DEFAULT_TENANT_ID)
                .containsEntry("appid", EmulatorConfig.DEFAULT_CLIENT_ID)
                .containsEntry("ver", "1.0");
        assertThat(token.getExpiresAt()).isAfter(OffsetDateTime.now().plusMinutes(30));
        assertThat(emulator.requestLog().matching("/oauth2/v2.0/token"))
                .anySatisfy(r -> assertThat(r.header("x-client-sku")).contains("MSAL.Java"))
                .allSatisfy(r -> assertThat(r.toString()).doesNotContain(EmulatorConfig.DEFAULT_CLIENT_SECRET));
    }

    @Test
    void azidClientSecretCredential_getsTokenThatValidatesAgainstJwks(EntraEmulator emulator) throws Exception {
        AccessToken token = azid(emulator, EmulatorConfig.DEFAULT_CLIENT_SECRET)
                .getToken(dev.azid.TokenRequestContext.of(ARM));

        Map<String, Object> claims = JwksVerifier.forTenant(emulator.authorityHost(), EmulatorConfig.DEFAULT_TENANT_ID,
                emulator.sslContext()).verify(token.token());
        assertThat(claims).containsEntry("aud", "https://management.azure.com/")
                .containsEntry("tid", EmulatorConfig.DEFAULT_TENANT_ID)
                .containsEntry("appid", EmulatorConfig.DEFAULT_CLIENT_ID);
        assertThat(((Number) claims.get("exp")).longValue()).isCloseTo(token.expiresAt().getEpochSecond(), withinSeconds(5));
        logs.assertNoSecrets(EmulatorConfig.DEFAULT_CLIENT_SECRET, token.token());
    }

    @Test
    void bothClients_wrongSecret_reportTheSameAadstsCode(EntraEmulator emulator) {
        assertThatThrownBy(() -> official(emulator, "wrong-secret-value").getTokenSync(new TokenRequestContext().addScopes(ARM)))
                .hasRootCauseInstanceOf(com.microsoft.aad.msal4j.MsalServiceException.class)
                .hasMessageContaining("AADSTS7000215");
        assertThatThrownBy(() -> azid(emulator, "wrong-secret-value").getToken(dev.azid.TokenRequestContext.of(ARM)))
                .isInstanceOf(AuthenticationFailedException.class).hasMessageContaining("AADSTS7000215")
                .hasMessageNotContaining("wrong-secret-value");
        logs.assertNoSecrets("wrong-secret-value", EmulatorConfig.DEFAULT_CLIENT_SECRET);
    }

    @Test
    void azid_unknownTenantAndClient_reportEntraCodes(EntraEmulator emulator) {
        ClientSecretCredential unknownTenant = ClientSecretCredential.builder()
                .tenantId("00000000-0000-0000-0000-00000000dead").clientId(EmulatorConfig.DEFAULT_CLIENT_ID)
                .clientSecret(EmulatorConfig.DEFAULT_CLIENT_SECRET).options(CredentialOptions.builder().authorityHost(emulator.authorityHost().toString()).httpTransport(HttpTransport.builder().sslContext(emulator.sslContext()).build()).build()).build();
        assertThatThrownBy(() -> unknownTenant.getToken(dev.azid.TokenRequestContext.of(ARM)))
                .hasMessageContaining("AADSTS90002").hasMessageContaining("Check the tenant id");
        ClientSecretCredential unknownClient = ClientSecretCredential.builder()
                .tenantId(EmulatorConfig.DEFAULT_TENANT_ID).clientId("00000000-0000-0000-0000-00000000beef")
                .clientSecret(EmulatorConfig.DEFAULT_CLIENT_SECRET).options(CredentialOptions.builder().authorityHost(emulator.authorityHost().toString()).httpTransport(HttpTransport.builder().sslContext(emulator.sslContext()).build()).build()).build();
        assertThatThrownBy(() -> unknownClient.getToken(dev.azid.TokenRequestContext.of(ARM)))
                .hasMessageContaining("AADSTS700016").hasMessageContaining("Check the client id");
    }

    private static org.assertj.core.data.Offset<Long> withinSeconds(long s) {
        return org.assertj.core.data.Offset.offset(s);
    }
}
