package dev.azid;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.azid.emulator.AzidEmulator;
import dev.azid.emulator.EmulatorConfig;
import dev.azid.emulator.EntraEmulator;
import dev.azid.test.LogCapture;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Every managed-identity source against the emulator's endpoints, over real HTTP. */
@AzidEmulator
class ManagedIdentityEmulatorTest {

    private static final String ARM = "https://management.azure.com/.default";
    private static final String SYSTEM_CLIENT = "5a5a0000-0000-4000-8000-0000000005a1";
    private static final String USER_CLIENT = "0a5e0000-0000-4000-8000-0000000005e1";

    @RegisterExtension
    final LogCapture logs = new LogCapture();

    private static String appid(AccessToken t) {
        String payload = new String(Base64.getUrlDecoder().decode(t.token().split("\\.")[1]), StandardCharsets.UTF_8);
        return dev.azid.internal.json.JsonObject.parse(payload).string("appid").orElseThrow();
    }

    private static ManagedIdentityCredential.Builder mi(Map<String, String> env) {
        return ManagedIdentityCredential.builder().options(CredentialOptions.builder().environment(Environment.of(env)).build()).osName("Linux");
    }

    @Test
    void imds_systemAndUserAssigned(EntraEmulator e) {
        Map<String, String> env = Map.of("AZURE_POD_IDENTITY_AUTHORITY_HOST", e.endpoints().imdsEndpoint().toString());
        assertThat(appid(mi(env).build().getToken(TokenRequestContext.of(ARM)))).isEqualTo(SYSTEM_CLIENT);
        assertThat(appid(mi(env).clientId(USER_CLIENT).build().getToken(TokenRequestContext.of(ARM)))).isEqualTo(USER_CLIENT);
        assertThat(appid(mi(env).objectId("0a5e0000-0000-4000-8000-0000000005e2").build()
                .getToken(TokenRequestContext.of(ARM)))).isEqualTo(USER_CLIENT);
        assertThatThrownBy(() -> mi(env).clientId("00000000-0000-0000-0000-0000000000ff").build()
                .getToken(TokenRequestContext.of(ARM)))
                .isInstanceOf(CredentialUnavailableException.class).hasMessageContaining("Identity not found");
    }

    @Test
    void imds_probeInsideChain_thenToken(EntraEmulator e) {
        ManagedIdentityCredential c = mi(Map.of("AZURE_POD_IDENTITY_AUTHORITY_HOST", e.endpoints().imdsEndpoint().toString()))
                .probeImds(java.time.Duration.ofSeconds(1)).build();
        assertThat(c.getToken(TokenRequestContext.of(ARM)).token()).isNotBlank();
        assertThat(e.requestLog().matching("/metadata/identity/oauth2/token")).extracting(r -> r.status()).endsWith(400, 200);
    }

    @Test
    void appService_legacy_cloudShell_arc(EntraEmulator e) {
        assertThat(appid(mi(Map.of("IDENTITY_ENDPOINT", e.endpoints().appServiceEndpoint().toString(), "IDENTITY_HEADER",
                e.endpoints().identityHeader())).clientId(USER_CLIENT).build().getToken(TokenRequestContext.of(ARM)))).isEqualTo(USER_CLIENT);
        AccessToken legacy = mi(Map.of("MSI_ENDPOINT", e.endpoints().legacyMsiEndpoint().toString(), "MSI_SECRET", e.endpoints().identityHeader()))
                .build().getToken(TokenRequestContext.of(ARM));
        assertThat(appid(legacy)).isEqualTo(SYSTEM_CLIENT);
        assertThat(appid(mi(Map.of("MSI_ENDPOINT", e.endpoints().cloudShellEndpoint().toString())).build()
                .getToken(TokenRequestContext.of(ARM)))).isEqualTo(SYSTEM_CLIENT);
        ManagedIdentityCredential arc = mi(Map.of("IDENTITY_ENDPOINT", e.endpoints().arcIdentityEndpoint().toString(), "IMDS_ENDPOINT",
                e.endpoints().imdsEndpoint().toString())).arcTokenDirectory(e.endpoints().arcKeyDirectory()).build();
        assertThat(arc.source()).isEqualTo("Azure Arc");
        assertThat(appid(arc.getToken(TokenRequestContext.of(ARM)))).isEqualTo(SYSTEM_CLIENT);
        assertThatThrownBy(() -> mi(Map.of("IDENTITY_ENDPOINT", e.endpoints().appServiceEndpoint().toString(), "IDENTITY_HEADER",
                "wrong-header")).build().getToken(TokenRequestContext.of(ARM)))
                .isInstanceOf(AuthenticationFailedException.class).hasMessageContaining("HTTP 401");
        logs.assertNoSecrets(e.endpoints().identityHeader());
    }

    @Test
    void serviceFabric_pinnedToTheEmulatorsSelfSignedCertificate(EntraEmulator e) {
        ManagedIdentityCredential sf = mi(Map.of("IDENTITY_ENDPOINT", e.endpoints().serviceFabricEndpoint().toString(),
                "IDENTITY_HEADER", e.endpoints().identityHeader(), "IDENTITY_SERVER_THUMBPRINT", e.endpoints().serviceFabricThumbprint())).build();
        assertThat(sf.source()).isEqualTo("Service Fabric");
        assertThat(appid(sf.getToken(TokenRequestContext.of(ARM)))).isEqualTo(SYSTEM_CLIENT);
        ManagedIdentityCredential wrong = mi(Map.of("IDENTITY_ENDPOINT", e.endpoints().serviceFabricEndpoint().toString(),
                "IDENTITY_HEADER", e.endpoints().identityHeader(), "IDENTITY_SERVER_THUMBPRINT", "ab".repeat(20))).build();
        assertThatThrownBy(() -> wrong.getToken(TokenRequestContext.of(ARM))).isInstanceOf(AuthenticationFailedException.class)
                .hasMessageContaining("did not answer");
    }

    @Test
    void imds_410Burst_isRetriedUntilItEnds(EntraEmulator e) {
        e.faults().on("/metadata/identity/oauth2/token").next(2).status(410).retryAfter("0");
        assertThat(mi(Map.of("AZURE_POD_IDENTITY_AUTHORITY_HOST", e.endpoints().imdsEndpoint().toString())).build()
                .getToken(TokenRequestContext.of(ARM)).token()).isNotBlank();
        assertThat(EmulatorConfig.defaults().tenants().get(0).managedIdentities()).hasSize(2);
    }
}
