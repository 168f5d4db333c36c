package dev.azid.conformance;

import dev.azid.CredentialOptions;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.azid.AccessToken;
import dev.azid.AuthenticationFailedException;
import dev.azid.ClientSecretCredential;
import dev.azid.EnvironmentCredential;
import dev.azid.Environment;
import dev.azid.TokenRequestContext;
import dev.azid.emulator.AzidEmulator;
import dev.azid.emulator.EmulatorConfig;
import dev.azid.emulator.EntraEmulator;
import dev.azid.http.HttpRequest;
import dev.azid.http.HttpTransport;
import dev.azid.test.LogCapture;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** azid's credentials against the emulator: real HTTP, TLS, error shapes, faults and concurrency. */
@AzidEmulator
class AzidAgainstEmulatorTest {

    private static final String ARM = "https://management.azure.com/.default";

    @RegisterExtension
    final LogCapture logs = new LogCapture();

    private static HttpTransport trusting(EntraEmulator emulator) {
        return HttpTransport.builder().sslContext(emulator.sslContext()).build();
    }

    private static ClientSecretCredential.Builder secret(EntraEmulator emulator) {
        return ClientSecretCredential.builder().tenantId(EmulatorConfig.DEFAULT_TENANT_ID)
                .clientId(EmulatorConfig.DEFAULT_CLIENT_ID).clientSecret(EmulatorConfig.DEFAULT_CLIENT_SECRET)
                .options(CredentialOptions.builder().authorityHost(emulator.authorityHost().toString())
                        .httpTransport(trusting(emulator)).build());
    }

    private static ClientSecretCredential.Builder secret(EntraEmulator emulator, HttpTransport transport) {
        return secret(emulator).options(CredentialOptions.builder().authorityHost(emulator.authorityHost().toString())
                .httpTransport(transport).build());
    }

    /** A transport that edits the form before it leaves, to provoke errors azid itself never sends. */
    private static HttpTransport editing(EntraEmulator emulator, String from, String to) {
        HttpTransport real = trusting(emulator);
        return request -> real.send(new HttpRequest(request.method(), request.uri(), request.headers(),
                new String(request.body(), StandardCharsets.UTF_8).replace(from, to).getBytes(StandardCharsets.UTF_8),
                request.timeout()));
    }

    @Test
    void environmentCredential_overHttps_getsToken(EntraEmulator emulator) {
        EnvironmentCredential c = EnvironmentCredential.builder().options(CredentialOptions.builder().environment(Environment.of(Map.of(
                "AZURE_TENANT_ID", EmulatorConfig.DEFAULT_TENANT_DOMAIN, "AZURE_CLIENT_ID", EmulatorConfig.DEFAULT_CLIENT_ID,
                "AZURE_CLIENT_SECRET", EmulatorConfig.DEFAULT_CLIENT_SECRET,
                "AZURE_AUTHORITY_HOST", emulator.authorityHost().toString()))).httpTransport(trusting(emulator)).build()).build();
        AccessToken t = c.getToken(TokenRequestContext.of(ARM));
        assertThat(t.expiresAt()).isAfter(t.refreshAt());
        logs.assertNoSecrets(EmulatorConfig.DEFAULT_CLIENT_SECRET, t.token());
    }

    @Test
    void loopbackHttpAuthority_isAllowed(EntraEmulator emulator) {
        ClientSecretCredential c = ClientSecretCredential.builder().tenantId(EmulatorConfig.DEFAULT_TENANT_ID)
                .clientId(EmulatorConfig.DEFAULT_CLIENT_ID).clientSecret(EmulatorConfig.DEFAULT_CLIENT_SECRET)
                .options(CredentialOptions.builder().authorityHost(emulator.endpoints().httpAuthorityHost().toString()).build()).build();
        assertThat(c.getToken(TokenRequestContext.of(ARM)).token()).isNotBlank();
    }

    @Test
    void thousandConcurrentCallers_causeOneTokenRequest(EntraEmulator emulator) throws Exception {
        ClientSecretCredential c = secret(emulator).build();
        emulator.requestLog().clear();
        ExecutorService pool = Executors.newFixedThreadPool(1000);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<AccessToken>> results = new ArrayList<>();
        for (int i = 0; i < 1000; i++) {
            results.add(pool.submit(() -> {
                start.await();
                return c.getToken(TokenRequestContext.of(ARM));
            }));
        }
        start.countDown();
        for (Future<AccessToken> f : results) {
            assertThat(f.get(60, TimeUnit.SECONDS).token()).isNotBlank();
        }
        pool.shutdown();
        assertThat(emulator.requestLog().count("/oauth2/v2.0/token")).isEqualTo(1);
    }

    @Test
    void transient503WithRetryAfter_isRetried(EntraEmulator emulator) {
        emulator.faults().on("/oauth2/v2.0/token").next(2).status(503).retryAfter("0");
        assertThat(secret(emulator).build().getToken(TokenRequestContext.of(ARM)).token()).isNotBlank();
        assertThat(emulator.requestLog().matching("/oauth2/v2.0/token")).extracting(r -> r.status()).endsWith(503, 503, 200);
    }

    @Test
    void droppedConnection_isRetried(EntraEmulator emulator) {
        emulator.faults().on("/oauth2/v2.0/token").dropConnection();
        assertThat(secret(emulator).build().getToken(TokenRequestContext.of(ARM)).token()).isNotBlank();
    }

    @Test
    void persistent429_failsAfterRetriesWithStatus(EntraEmulator emulator) {
        emulator.faults().on("/oauth2/v2.0/token").next(10).status(429).retryAfter("0");
        assertThatThrownBy(() -> secret(emulator).build().getToken(TokenRequestContext.of(ARM)))
                .isInstanceOf(AuthenticationFailedException.class).hasMessageContaining("HTTP 429")
                .hasMessageContaining("busy or unavailable");
        assertThat(emulator.requestLog().count("/oauth2/v2.0/token")).isGreaterThanOrEqualTo(4);
    }

    @Test
    void malformedBody_failsClearly(EntraEmulator emulator) {
        emulator.faults().on("/oauth2/v2.0/token").malformedBody();
        assertThatThrownBy(() -> secret(emulator).build().getToken(TokenRequestContext.of(ARM)))
                .isInstanceOf(AuthenticationFailedException.class).hasMessageContaining("not with a usable token response");
    }

    @Test
    void errorShapes_reachUserAsClearMessages(EntraEmulator emulator) {
        assertThatThrownBy(() -> secret(emulator).clientSecret("wrong-value").build().getToken(TokenRequestContext.of(ARM)))
                .hasMessageContaining("AADSTS7000215").hasMessageContaining("HTTP 401 invalid_client")
                .hasMessageContaining("correlation id");
        assertThatThrownBy(() -> secret(emulator).tenantId("nope.onmicrosoft.com").build().getToken(TokenRequestContext.of(ARM)))
                .hasMessageContaining("AADSTS90002").hasMessageContaining("Check the tenant id");
        assertThatThrownBy(() -> secret(emulator).clientId("00000000-0000-0000-0000-00000000beef").build()
                .getToken(TokenRequestContext.of(ARM))).hasMessageContaining("AADSTS700016");
        assertThatThrownBy(() -> secret(emulator).build().getToken(TokenRequestContext.of("https://unknown.example/.default")))
                .hasMessageContaining("AADSTS500011").hasMessageContaining("Check the scope");
        assertThatThrownBy(() -> secret(emulator, editing(emulator, "client_secret=", "x_secret=")).build()
                .getToken(TokenRequestContext.of(ARM))).hasMessageContaining("AADSTS7000216");
        assertThatThrownBy(() -> secret(emulator, editing(emulator, "grant_type=client_credentials",
                "grant_type=magic")).build().getToken(TokenRequestContext.of(ARM)))
                .hasMessageContaining("AADSTS70003").hasMessageContaining("unsupported_grant_type");
        assertThatThrownBy(() -> secret(emulator, editing(emulator, "grant_type=client_credentials&", ""))
                .build().getToken(TokenRequestContext.of(ARM))).hasMessageContaining("AADSTS900144");
        logs.assertNoSecrets(EmulatorConfig.DEFAULT_CLIENT_SECRET, "wrong-value");
    }

    @Test
    void armCall_withAzidToken_listsSubscriptions(EntraEmulator emulator) throws Exception {
        HttpTransport t = trusting(emulator);
        AccessToken token = secret(emulator).build().getToken(TokenRequestContext.of(emulator.endpoints().armEndpoint() + ".default"));
        var r = t.send(HttpRequest.get(java.net.URI.create(emulator.endpoints().armEndpoint() + "subscriptions?api-version=2022-12-01"),
                Map.of("Authorization", "Bearer " + token.token()), Duration.ofSeconds(10)));
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.bodyText()).contains(EmulatorConfig.DEFAULT_SUBSCRIPTION_ID);
    }
}
