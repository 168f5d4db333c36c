package dev.azid;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.azid.emulator.AzidEmulator;
import dev.azid.emulator.EmulatorConfig;
import dev.azid.emulator.EntraEmulator;
import dev.azid.http.HttpTransport;
import dev.azid.test.LogCapture;
import dev.azid.test.MutableClock;
import dev.azid.test.RecordingSleeper;
import dev.azid.test.ScriptedTransport;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

@AzidEmulator
class DeviceCodeCredentialTest {

    private static final String GRAPH = "https://graph.microsoft.com/User.Read";

    @RegisterExtension
    final LogCapture logs = new LogCapture();

    private static void enter(EntraEmulator e, DeviceCodeInfo info, String action) {
        enter(e, info, EmulatorConfig.DEFAULT_USERNAME, EmulatorConfig.DEFAULT_PASSWORD, action);
    }

    /** Enters the code on the emulator's page as the given user would, and approves or declines. */
    static void enter(EntraEmulator e, DeviceCodeInfo info, String username, String password, String action) {
        String form = "user_code=" + info.userCode() + "&username=" + URLEncoder.encode(username, StandardCharsets.UTF_8)
                + "&password=" + URLEncoder.encode(password, StandardCharsets.UTF_8) + "&action=" + action;
        try {
            HttpClient.newBuilder().sslContext(e.sslContext()).build().send(HttpRequest.newBuilder(info.verificationUri())
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
        } catch (Exception ex) {
            throw new AssertionError(ex);
        }
    }

    private DeviceCodeCredential.Builder builder(EntraEmulator e, AtomicReference<DeviceCodeInfo> shown) {
        return builder(e, shown, CredentialOptions.builder());
    }

    private DeviceCodeCredential.Builder builder(EntraEmulator e, AtomicReference<DeviceCodeInfo> shown,
            CredentialOptions.Builder o) {
        return DeviceCodeCredential.builder().clientId(EmulatorConfig.DEFAULT_CLIENT_ID).tenantId(EmulatorConfig.DEFAULT_TENANT_ID)
                .options(o.authorityHost(e.authorityHost().toString())
                        .httpTransport(HttpTransport.builder().sslContext(e.sslContext()).build()).build())
                .challengeConsumer(shown::set);
    }

    @Test
    void userEntersCodeWhilePolling_getsTokenThenSilentRenewals(EntraEmulator e) {
        AtomicReference<DeviceCodeInfo> shown = new AtomicReference<>();
        MutableClock clock = new MutableClock(Instant.now());
        // The "user" enters the code during the first wait between polls.
        RecordingSleeper recorder = new RecordingSleeper(clock);
        dev.azid.internal.http.Sleeper sleeper = d -> {
            recorder.sleep(d);
            if (recorder.sleeps().size() == 1) {
                enter(e, shown.get(), "approve");
            }
        };
        DeviceCodeCredential c = builder(e, shown, CredentialOptions.builder().clock(clock).sleeper(sleeper, () -> 0.5)).build();
        assertThat(c.getToken(TokenRequestContext.of(GRAPH)).token()).isNotBlank();
        assertThat(shown.get().message()).contains(shown.get().userCode()).contains("/devicelogin");
        assertThat(c.username()).contains(EmulatorConfig.DEFAULT_USERNAME);
        assertThat(e.requestLog().matching("/oauth2/v2.0/token")).extracting(r -> r.status()).endsWith(400, 200);
        c.getToken(TokenRequestContext.of("https://management.azure.com/user_impersonation"));
        assertThat(e.requestLog().last().form()).containsEntry("grant_type", "refresh_token");
    }

    @Test
    void userDeclines_failsClearly(EntraEmulator e) {
        AtomicReference<DeviceCodeInfo> shown = new AtomicReference<>();
        DeviceCodeCredential c = builder(e, shown).challengeConsumer(info -> enter(e, info, "decline")).build();
        assertThatThrownBy(() -> c.getToken(TokenRequestContext.of(GRAPH))).isInstanceOf(AuthenticationFailedException.class)
                .hasMessageContaining("the user declined it");
    }

    @Test
    void nobodyEntersTheCode_timesOutWithoutRealWaiting(EntraEmulator e) {
        MutableClock clock = new MutableClock(Instant.now());
        DeviceCodeCredential c = builder(e, new AtomicReference<>(), CredentialOptions.builder().clock(clock)
                .sleeper(new RecordingSleeper(clock), () -> 0.5)).timeout(Duration.ofSeconds(10)).build();
        assertThatThrownBy(() -> c.getToken(TokenRequestContext.of(GRAPH))).isInstanceOf(AuthenticationFailedException.class)
                .hasMessageContaining("no one entered the device code within 10 s");
    }

    @Test
    void slowDownAndExpiredToken_areHandled() {
        MutableClock clock = MutableClock.at("2026-11-24T10:00:00Z");
        RecordingSleeper sleeper = new RecordingSleeper(clock);
        ScriptedTransport t = new ScriptedTransport()
                .thenJson(200, "{\"device_code\":\"d\",\"user_code\":\"ABC\",\"verification_uri\":\"https://x/devicelogin\","
                        + "\"expires_in\":900,\"interval\":2,\"message\":\"go\"}")
                .thenJson(400, "{\"error\":\"slow_down\"}")
                .thenJson(400, "{\"error\":\"authorization_pending\"}")
                .thenJson(400, "{\"error\":\"expired_token\",\"error_description\":\"AADSTS70019: Verification code expired.\"}");
        DeviceCodeCredential c = DeviceCodeCredential.builder().tenantId("t").challengeConsumer(i -> { }).options(CredentialOptions.builder().httpTransport(t).clock(clock).sleeper(sleeper, () -> 0.5).build()).build();
        assertThatThrownBy(() -> c.getToken(TokenRequestContext.of(GRAPH)))
                .isInstanceOf(AuthenticationFailedException.class).hasMessageContaining("the code expired");
        assertThat(sleeper.sleeps()).containsExactly(Duration.ofSeconds(7), Duration.ofSeconds(7));
        assertThat(new String(t.requests().get(0).body(), StandardCharsets.UTF_8))
                .contains("scope=" + URLEncoder.encode(GRAPH + " openid profile offline_access", StandardCharsets.UTF_8));
        assertThat(t.requests().get(0).uri()).isEqualTo(URI.create("https://login.microsoftonline.com/t/oauth2/v2.0/devicecode"));
    }
}
