package dev.azid;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.azid.emulator.EntraEmulator;
import dev.azid.test.MutableClock;
import dev.azid.test.RecordingSleeper;
import dev.azid.test.ScriptedTransport;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Issue 11, class 5: no managed-identity source hands out a token that is expired or has no valid expiry. */
class ExpiredManagedIdentityTokensTest {

    private static final String ARM = "https://management.azure.com/.default";
    private static final String TOKEN = "eyJ0eXAiOiJKV1QifQ.eyJhdWQiOiJ4In0.ZXhwaXJlZC1taQ";
    private static final Instant NOW = Instant.parse("2026-11-24T10:00:00Z");

    @TempDir
    Path arcTokens;

    private final MutableClock clock = new MutableClock(NOW);
    private final ScriptedTransport transport = new ScriptedTransport();

    private ManagedIdentityCredential.Builder mi(Map<String, String> env) {
        return ManagedIdentityCredential.builder().options(CredentialOptions.builder().environment(Environment.of(env)).httpTransport(transport).executor(Runnable::run).clock(clock).sleeper(new RecordingSleeper(clock), () -> 0.5).build()).osName("Linux")
                .arcTokenDirectory(arcTokens);
    }

    /** Every source; Service Fabric does not pin a user-supplied transport, and Arc is challenged first. */
    static Stream<Arguments> sources() {
        return Stream.of(
                Arguments.of("IMDS", Map.of()),
                Arguments.of("App Service", Map.of("IDENTITY_ENDPOINT", "http://127.0.0.1:41000/msi/token", "IDENTITY_HEADER", "h")),
                Arguments.of("Azure ML / App Service (2017-09-01)", Map.of("MSI_ENDPOINT", "http://127.0.0.1:46808/",
                        "MSI_SECRET", "s")),
                Arguments.of("Cloud Shell", Map.of("MSI_ENDPOINT", "http://localhost:50342/oauth2/token")),
                Arguments.of("Service Fabric", Map.of("IDENTITY_ENDPOINT", "https://127.0.0.1:2377/", "IDENTITY_HEADER", "h",
                        "IDENTITY_SERVER_THUMBPRINT", "a".repeat(40))),
                Arguments.of("Azure Arc", Map.of("IDENTITY_ENDPOINT", "http://localhost:40342/metadata/identity/oauth2/token",
                        "IMDS_ENDPOINT", "http://localhost:40342")));
    }

    private void answer(String source, String body) throws Exception {
        if (source.equals("Azure Arc")) {
            Path key = Files.writeString(arcTokens.resolve("k.key"), "arc-key");
            transport.then(r -> ScriptedTransport.json(401, "{}", Map.of("WWW-Authenticate", "Basic realm=" + key)));
        }
        transport.thenJson(200, body);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("sources")
    void everySource_expiresOnZero_isRefusedNamingTheField(String source, Map<String, String> env) throws Exception {
        answer(source, "{\"access_token\":\"" + TOKEN + "\",\"expires_on\":\"0\",\"token_type\":\"Bearer\"}");
        ManagedIdentityCredential c = mi(env).build();
        assertThat(c.source()).isEqualTo(source);
        assertThatThrownBy(() -> c.getToken(TokenRequestContext.of(ARM))).isInstanceOf(AuthenticationFailedException.class)
                .hasMessageStartingWith("ManagedIdentityCredential: ").hasMessageContaining("expires_on is 1970-01-01T00:00:00Z")
                .hasMessageContaining("already expired").hasMessageNotContaining(TOKEN);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("sources")
    void everySource_expiresOnTenMinutesAgo_isRefused(String source, Map<String, String> env) throws Exception {
        answer(source, "{\"access_token\":\"" + TOKEN + "\",\"expires_on\":" + (NOW.getEpochSecond() - 600) + "}");
        assertThatThrownBy(() -> mi(env).build().getToken(TokenRequestContext.of(ARM)))
                .isInstanceOf(AuthenticationFailedException.class).hasMessageContaining("expires_on is 2026-11-24T09:50:00Z")
                .hasMessageNotContaining(TOKEN);
    }

    @ParameterizedTest
    @ValueSource(strings = {"\"expires_on\":\"-1\"", "\"expires_on\":253402300799", "\"expires_on\":\"9999999999\"",
        "\"expires_on\":4294967295", "\"expires_on\":1795514460.5", "\"expires_on\":\"NaN\"", "\"expires_on\":1e400",
        "\"expires_on\":true", "\"expires_on\":{}", "\"expires_on\":\"123456789012345678901234\"",
        "\"expires_on\":\"12/31/9999 11:59:59 PM +00:00\"", "\"expires_on\":\"11/24/2026 9:50:00 AM +00:00\"",
        "\"expires_in\":0", "\"expires_in\":\"-60\"", "\"expires_in\":9223372036854775807", "\"expires_in\":\"3600.5\"",
        "\"expires_in\":1e-999999", "\"expires_in\":604801", "\"expires_on\":\"\"", "\"token_type\":\"Bearer\""})
    void imds_invalidOrMissingExpiry_isAMalformedAnswer(String field) {
        transport.thenJson(200, "{\"access_token\":\"" + TOKEN + "\"," + field + "}");
        assertThatThrownBy(() -> mi(Map.of()).build().getToken(TokenRequestContext.of(ARM)))
                .isInstanceOf(AuthenticationFailedException.class).hasMessageContaining("the IMDS endpoint answered HTTP 200 but")
                .hasMessageContaining("expires_").hasMessageNotContaining(TOKEN);
    }

    @Test
    void imds_refreshInBeyondAnyInstant_isClampedNotAnOverflow() {
        transport.thenJson(200, "{\"access_token\":\"" + TOKEN + "\",\"expires_in\":3600,\"refresh_in\":9000000000000000000}");
        AccessToken t = mi(Map.of()).build().getToken(TokenRequestContext.of(ARM));
        assertThat(t.expiresAt()).isEqualTo(NOW.plusSeconds(3600));
        assertThat(t.refreshAt()).isEqualTo(NOW.plusSeconds(3600 - 300));
    }

    /** The legacy App Service (2017-09-01) forms: 12-hour clock with AM/PM and 24-hour clock, one or two digits. */
    static Stream<Arguments> legacyForms() {
        return Stream.of(
                Arguments.of("2026-11-24T10:00:00Z", "11/24/2026 2:30:00 PM +00:00", "2026-11-24T14:30:00Z"),
                Arguments.of("2026-11-24T10:00:00Z", "11/24/2026 02:30:00 pm +00:00", "2026-11-24T14:30:00Z"),
                Arguments.of("2026-11-24T10:00:00Z", "11/24/2026 12:30:00 PM +00:00", "2026-11-24T12:30:00Z"),
                Arguments.of("2026-11-24T10:00:00Z", "11/25/2026 12:30:00 AM +00:00", "2026-11-25T00:30:00Z"),
                Arguments.of("2026-11-24T10:00:00Z", "11/24/2026 00:30:00 PM +00:00", "2026-11-24T12:30:00Z"),
                Arguments.of("2026-11-24T10:00:00Z", "11/24/2026 2:30:00 PM +01:00", "2026-11-24T13:30:00Z"),
                Arguments.of("2026-11-24T10:00:00Z", "11/24/2026 14:30:00 +00:00", "2026-11-24T14:30:00Z"),
                Arguments.of("2026-11-24T10:00:00Z", "11/24/2026 9:30:00 -05:00", "2026-11-24T14:30:00Z"),
                Arguments.of("2027-01-01T00:00:00Z", "1/2/2027 3:04:05 AM +00:00", "2027-01-02T03:04:05Z"),
                Arguments.of("2027-01-01T00:00:00Z", "1/2/2027 3:04:05 +00:00", "2027-01-02T03:04:05Z"));
    }

    @ParameterizedTest(name = "{1}")
    @MethodSource("legacyForms")
    void legacyAppService_dateForms_areRead(String now, String expiresOn, String expected) {
        clock.set(Instant.parse(now));
        transport.thenJson(200, "{\"access_token\":\"" + TOKEN + "\",\"expires_on\":\"" + expiresOn + "\"}");
        AccessToken t = mi(Map.of("MSI_ENDPOINT", "http://127.0.0.1:46808/", "MSI_SECRET", "s")).build()
                .getToken(TokenRequestContext.of(ARM));
        assertThat(t.expiresAt()).isEqualTo(Instant.parse(expected));
    }

    @ParameterizedTest
    @ValueSource(strings = {"2026-11-24T14:30:00Z", "11/24/2026 14:30:00 PM +00:00", "11/24/2026 2:30 PM +00:00",
        "11/25/2026 3:30:00 PM", "13/01/2026 2:30:00 PM +00:00", "11/31/2026 2:30:00 PM +00:00",
        "Tue, 24 Nov 2026 14:30:00 GMT", "11/24/2026 2:30:00 PM +25:00", "11/24/26 2:30:00 PM +00:00"})
    void legacyAppService_otherForms_areRefusedWithoutQuotingThem(String expiresOn) {
        transport.thenJson(200, "{\"access_token\":\"" + TOKEN + "\",\"expires_on\":\"" + expiresOn + "\"}");
        assertThatThrownBy(() -> mi(Map.of("MSI_ENDPOINT", "http://127.0.0.1:46808/", "MSI_SECRET", "s")).build()
                .getToken(TokenRequestContext.of(ARM)))
                .isInstanceOf(AuthenticationFailedException.class).hasMessageContaining("expires_on")
                .hasMessageNotContaining(expiresOn).hasMessageNotContaining(TOKEN);
    }

    @Test
    void emulator_whoseClockIsTwoHoursBehind_answersExpiredTokens_everyEndpointIsRefused() {
        Clock behind = Clock.fixed(NOW.minus(Duration.ofHours(2)), ZoneOffset.UTC);
        try (EntraEmulator e = EntraEmulator.builder().clock(behind).start()) {
            Map<String, Map<String, String>> hosts = Map.of(
                    "IMDS", Map.of("AZURE_POD_IDENTITY_AUTHORITY_HOST", e.endpoints().imdsEndpoint().toString()),
                    "App Service", Map.of("IDENTITY_ENDPOINT", e.endpoints().appServiceEndpoint().toString(), "IDENTITY_HEADER",
                            e.endpoints().identityHeader()),
                    "legacy", Map.of("MSI_ENDPOINT", e.endpoints().legacyMsiEndpoint().toString(), "MSI_SECRET", e.endpoints().identityHeader()));
            hosts.forEach((name, env) -> assertThatThrownBy(() -> ManagedIdentityCredential.builder()
                    .options(CredentialOptions.builder().environment(Environment.of(env)).clock(clock).build()).osName("Linux").build().getToken(TokenRequestContext.of(ARM)))
                    .as(name).isInstanceOf(AuthenticationFailedException.class).hasMessageContaining("expires_on is ")
                    .hasMessageContaining("already expired"));
        }
    }
}
