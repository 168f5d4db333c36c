package dev.azid.conformance;

import dev.azid.CredentialOptions;
import static org.assertj.core.api.Assertions.assertThat;

import dev.azid.AzureCloud;
import dev.azid.ClientSecretCredential;
import dev.azid.CloudDiscovery;
import dev.azid.TokenRequestContext;
import dev.azid.emulator.AzidEmulator;
import dev.azid.emulator.EmulatorConfig;
import dev.azid.emulator.EntraEmulator;
import dev.azid.http.HttpRequest;
import dev.azid.http.HttpTransport;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A private cloud discovered from the emulator's ARM metadata works end to end; so does its AD FS authority. */
@AzidEmulator
class CloudConformanceTest {

    @Test
    void discoveredCloud_bothApiVersions_workEndToEnd(EntraEmulator emulator) throws Exception {
        HttpTransport t = HttpTransport.builder().sslContext(emulator.sslContext()).build();
        AzureCloud cloud = CloudDiscovery.builder().httpTransport(t).build().discover(emulator.endpoints().armEndpoint());
        assertThat(cloud.name()).isEqualTo("AzidEmulator");
        assertThat(cloud.authorityHost()).isEqualTo(emulator.authorityHost());
        assertThat(cloud.resourceManagerEndpoint()).isEqualTo(emulator.endpoints().armEndpoint());
        var token = ClientSecretCredential.builder().options(CredentialOptions.builder().cloud(cloud).httpTransport(t).build()).tenantId(EmulatorConfig.DEFAULT_TENANT_ID)
                .clientId(EmulatorConfig.DEFAULT_CLIENT_ID).clientSecret(EmulatorConfig.DEFAULT_CLIENT_SECRET).build().getToken(TokenRequestContext.of(cloud.resourceManagerScope()));
        var response = t.send(HttpRequest.get(URI.create(cloud.resourceManagerEndpoint() + "subscriptions"),
                Map.of("Authorization", "Bearer " + token.token()), Duration.ofSeconds(10)));
        assertThat(response.statusCode()).isEqualTo(200);

        emulator.faults().on("/metadata/endpoints").status(400);
        AzureCloud old = CloudDiscovery.builder().httpTransport(t).build().discover(emulator.endpoints().armEndpoint());
        assertThat(old.authorityHost()).isEqualTo(emulator.authorityHost());
        assertThat(emulator.requestLog().matching("/metadata/endpoints")).extracting(r -> r.query().get("api-version"))
                .endsWith("2022-09-01", "2015-01-01");
    }

    @Test
    void adfsAuthority_issuesTokens(EntraEmulator emulator) {
        var token = ClientSecretCredential.builder().tenantId("adfs").clientId(EmulatorConfig.DEFAULT_CLIENT_ID)
                .clientSecret(EmulatorConfig.DEFAULT_CLIENT_SECRET).options(CredentialOptions.builder().authorityHost(emulator.authorityHost().toString()).httpTransport(HttpTransport.builder().sslContext(emulator.sslContext()).build()).build()).build()
                .getToken(TokenRequestContext.of("https://management.azure.com/.default"));
        assertThat(token.token()).isNotBlank();
        assertThat(emulator.requestLog().last().path()).isEqualTo("/adfs/oauth2/token");
    }
}
