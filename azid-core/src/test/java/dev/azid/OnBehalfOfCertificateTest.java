package dev.azid;

import static org.assertj.core.api.Assertions.assertThat;

import dev.azid.emulator.EmulatorConfig;
import dev.azid.emulator.EmulatorConfig.Application;
import dev.azid.emulator.EmulatorConfig.Tenant;
import dev.azid.emulator.EntraEmulator;
import dev.azid.http.HttpTransport;
import dev.azid.test.LogCapture;
import dev.azid.test.TestCertificates;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** On-behalf-of with a certificate: the middle tier proves itself with a signed assertion, not a secret. */
class OnBehalfOfCertificateTest {

    @RegisterExtension
    final LogCapture logs = new LogCapture();

    @TempDir
    Path dir;

    /** The default directory, with the default app holding this certificate too. */
    private static EmulatorConfig withCertificate(String certificatePem) {
        EmulatorConfig d = EmulatorConfig.defaults();
        Tenant t = d.tenants().get(0);
        List<Application> apps = new ArrayList<>();
        for (Application a : t.applications()) {
            apps.add(!a.clientId().equals(EmulatorConfig.DEFAULT_CLIENT_ID) ? a : new Application(a.clientId(),
                    a.displayName(), a.secrets(), List.of(certificatePem), a.multiTenant(), a.redirectUris(), a.roles(),
                    a.federatedCredentials()));
        }
        Tenant changed = new Tenant(t.tenantId(), t.domains(), t.displayName(), apps, t.users(), t.managedIdentities(),
                t.subscriptions());
        return new EmulatorConfig(d.tokenLifetimeSeconds(), List.of(changed), d.resources());
    }

    @Test
    void certificate_authenticatesTheMiddleTier() throws Exception {
        TestCertificates certs = TestCertificates.valid();
        Path pem = Files.writeString(dir.resolve("api.pem"), certs.certificatePem() + certs.pkcs8Pem());
        try (EntraEmulator e = EntraEmulator.builder().config(withCertificate(certs.certificatePem())).start()) {
            HttpTransport trusting = HttpTransport.builder().sslContext(e.sslContext()).build();
            String incoming = UsernamePasswordCredential.builder().tenantId(EmulatorConfig.DEFAULT_TENANT_ID)
                    .clientId(EmulatorConfig.DEFAULT_CLIENT_ID).username(EmulatorConfig.DEFAULT_USERNAME)
                    .password(EmulatorConfig.DEFAULT_PASSWORD).options(CredentialOptions.builder().authorityHost(e.authorityHost().toString()).httpTransport(trusting).build()).build().getToken(TokenRequestContext.of("api://azid-demo-api/access")).token();

            OnBehalfOfCredential obo = OnBehalfOfCredential.builder().tenantId(EmulatorConfig.DEFAULT_TENANT_ID)
                    .clientId(EmulatorConfig.DEFAULT_CLIENT_ID).certificate(pem, null).userAssertion(incoming)
                    .options(CredentialOptions.builder().authorityHost(e.authorityHost().toString()).httpTransport(trusting).build()).build();
            AccessToken graph = obo.getToken(TokenRequestContext.of("https://graph.microsoft.com/User.Read"));

            assertThat(graph.token()).isNotBlank().isNotEqualTo(incoming);
            var exchange = e.requestLog().last();
            assertThat(exchange.form()).containsEntry("grant_type", "urn:ietf:params:oauth:grant-type:jwt-bearer")
                    .containsEntry("client_assertion_type", "urn:ietf:params:oauth:client-assertion-type:jwt-bearer")
                    .doesNotContainKey("client_secret");
            assertThat(exchange.status()).isEqualTo(200);
            logs.assertNoSecrets(incoming, graph.token());
        }
    }
}
