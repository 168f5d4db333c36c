package dev.azid;

import static org.assertj.core.api.Assertions.assertThat;

import dev.azid.emulator.AzidEmulator;
import dev.azid.emulator.EmulatorConfig;
import dev.azid.emulator.EntraEmulator;
import dev.azid.emulator.RecordedRequest;
import dev.azid.http.HttpTransport;
import dev.azid.test.LogCapture;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The emulator's request log shows what the options add to a real exchange: User-Agent, custom header, interceptor header. */
@AzidEmulator
class HttpCustomisationEmulatorTest {

    @RegisterExtension
    final LogCapture logs = new LogCapture();

    @Test
    void clientSecretToken_carriesApplicationIdHeaderAndInterceptorHeader(EntraEmulator e) {
        AtomicInteger attempts = new AtomicInteger();
        CredentialOptions options = CredentialOptions.builder().environment(Environment.of(Map.of()))
                .authorityHost(e.authorityHost().toString())
                .httpTransport(HttpTransport.builder().sslContext(e.sslContext()).build())
                .applicationId("emulator-app/1.0").header("x-ms-app-tag", "green")
                .addInterceptor((request, next) -> {
                    attempts.incrementAndGet();
                    return next.send(request.withHeader("traceparent", "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01"));
                })
                .enableAccountIdentifierLogging().build();
        AccessToken token = ClientSecretCredential.builder().tenantId(EmulatorConfig.DEFAULT_TENANT_ID)
                .clientId(EmulatorConfig.DEFAULT_CLIENT_ID).clientSecret(EmulatorConfig.DEFAULT_CLIENT_SECRET)
                .options(options).build().getToken(TokenRequestContext.of("https://management.azure.com/.default"));

        List<RecordedRequest> requests = e.requestLog().matching(".*/oauth2/v2.0/token");
        assertThat(requests).singleElement().satisfies(r -> {
            assertThat(r.header("User-Agent")).hasValueSatisfying(ua -> assertThat(ua).startsWith("emulator-app/1.0 azid.java/"));
            assertThat(r.header("x-ms-app-tag")).hasValue("green");
            assertThat(r.header("traceparent")).hasValue("00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01");
            assertThat(r.header("Content-Type")).hasValueSatisfying(ct -> assertThat(ct).startsWith("application/x-www-form-urlencoded"));
        });
        assertThat(attempts).hasValue(1);
        assertThat(logs.all()).contains("ClientSecretCredential: authenticated account: client id "
                + EmulatorConfig.DEFAULT_CLIENT_ID).contains("tenant id " + EmulatorConfig.DEFAULT_TENANT_ID);
        logs.assertNoSecrets(token.token(), EmulatorConfig.DEFAULT_CLIENT_SECRET);
    }
}
