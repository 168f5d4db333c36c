package dev.azid;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.azid.http.HttpResponse;
import dev.azid.test.MutableClock;
import dev.azid.test.RecordingSleeper;
import dev.azid.test.ScriptedTransport;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Issue 11, class 8: the 403 Docker Desktop's proxy answers for the IMDS address means "no managed
 * identity here" (unavailable, so a chain moves on), in every shape it takes; and one Retry-After cap.
 */
class ImdsUnreachableTest {

    private static final String ARM = "https://management.azure.com/.default";
    /** The body seen in azure-sdk-for-net#42134 and azure-sdk-for-js#27050. */
    private static final String DOCKER = "connecting to 169.254.169.254:80: connecting to 169.254.169.254:80: dial tcp "
            + "169.254.169.254:80: connectex: A socket operation was attempted to an unreachable network.";

    @TempDir
    Path emptyPath;

    private final MutableClock clock = MutableClock.at("2026-11-24T10:00:00Z");
    private final RecordingSleeper sleeper = new RecordingSleeper(clock);

    private static HttpResponse answer(String contentType, String body, Map<String, String> extra) {
        Map<String, List<String>> headers = new HashMap<>();
        headers.put("Content-Type", List.of(contentType));
        extra.forEach((k, v) -> headers.put(k, List.of(v)));
        return new HttpResponse(403, headers, body.getBytes(StandardCharsets.UTF_8));
    }

    static Stream<Arguments> dockerAnswers() {
        return Stream.of(
                Arguments.of("plain-text body, network", answer("text/plain", DOCKER, Map.of("Connection", "close"))),
                Arguments.of("plain-text body, host", answer("text/plain", DOCKER.replace("network.", "host."), Map.of())),
                Arguments.of("localised plain-text body", answer("text/plain", "dial tcp 169.254.169.254:80: connectex: Det ble "
                        + "forsøkt en kontaktoperasjon til et nettverk som ikke kunne nås.", Map.of())),
                Arguments.of("empty body", answer("text/plain", "", Map.of())),
                Arguments.of("JSON body naming it", answer("application/json", "{\"error\":\"forbidden\",\"error_description\":"
                        + "\"A socket operation was attempted to an Unreachable host.\"}", Map.of())),
                Arguments.of("ResponseMessage header, JSON body", answer("application/json", "{\"error\":\"forbidden\"}",
                        Map.of("ResponseMessage", "A socket operation was attempted to an unreachable network"))),
                Arguments.of("ResponseMessage header, host", answer("application/json", "{}",
                        Map.of("ResponseMessage", "A socket operation was attempted to an unreachable host"))));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("dockerAnswers")
    void managedIdentity_dockerUnreachable403_isUnavailable(String shape, HttpResponse docker) {
        ScriptedTransport t = new ScriptedTransport().always(r -> docker);
        ManagedIdentityCredential c = ManagedIdentityCredential.builder().options(CredentialOptions.builder().environment(Environment.of(Map.of())).httpTransport(t).executor(Runnable::run).clock(clock).sleeper(sleeper, () -> 0.5).build()).build();
        assertThatThrownBy(() -> c.getToken(TokenRequestContext.of(ARM))).isInstanceOf(CredentialUnavailableException.class)
                .hasMessageStartingWith("ManagedIdentityCredential: IMDS is unreachable from this network");
        assertThat(t.calls()).as("403 is not retried").isEqualTo(1);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("dockerAnswers")
    void defaultAzureCredential_dockerUnreachable403_movesOnToTheNextCredential(String shape, HttpResponse docker) {
        ScriptedTransport t = new ScriptedTransport().always(r -> docker);
        DefaultAzureCredential c = DefaultAzureCredential.builder().options(CredentialOptions.builder().environment(Environment.of(Map.of("PATH",
                emptyPath.toString()))).httpTransport(t).executor(Runnable::run).build()).build();
        assertThatThrownBy(() -> c.getToken(TokenRequestContext.of(ARM))).isInstanceOf(CredentialUnavailableException.class)
                .hasMessageStartingWith("DefaultAzureCredential: no credential in the chain could get a token.")
                .hasMessageContaining("    AzureCliCredential: ").hasMessageContaining("    AzureDeveloperCliCredential: ");
    }

    @Test
    void defaultAzureCredential_probeAnsweredInJsonThenUnreachable403_movesOn() {
        ScriptedTransport t = new ScriptedTransport().thenJson(400, "{\"error\":\"bad_request\"}")
                .then(r -> answer("application/json", "{\"error\":\"forbidden\"}",
                        Map.of("ResponseMessage", "A socket operation was attempted to an unreachable network")));
        DefaultAzureCredential c = DefaultAzureCredential.builder().options(CredentialOptions.builder().environment(Environment.of(Map.of("PATH",
                emptyPath.toString()))).httpTransport(t).executor(Runnable::run).build()).build();
        assertThatThrownBy(() -> c.getToken(TokenRequestContext.of(ARM))).isInstanceOf(CredentialUnavailableException.class)
                .hasMessageContaining("ManagedIdentityCredential: IMDS is unreachable from this network");
        assertThat(t.calls()).isEqualTo(2);
    }

    @Test
    void imds_genuine403InJson_isStillAFailure() {
        ScriptedTransport t = new ScriptedTransport().thenJson(403, "{\"error\":\"forbidden\",\"error_description\":"
                + "\"The request was forbidden.\"}");
        ManagedIdentityCredential c = ManagedIdentityCredential.builder().options(CredentialOptions.builder().environment(Environment.of(Map.of())).httpTransport(t).executor(Runnable::run).clock(clock).sleeper(sleeper, () -> 0.5).build()).build();
        assertThatThrownBy(() -> c.getToken(TokenRequestContext.of(ARM))).isInstanceOf(AuthenticationFailedException.class)
                .hasMessageContaining("HTTP 403");
    }

    @Test
    void imds_retryAfterLongerThan30Seconds_isCappedAt30Seconds_likeEveryEndpoint() {
        ScriptedTransport t = new ScriptedTransport().thenJson(429, "{}", Map.of("Retry-After", "3600"))
                .thenJson(200, "{\"access_token\":\"mi-token\",\"expires_in\":3600}");
        ManagedIdentityCredential c = ManagedIdentityCredential.builder().options(CredentialOptions.builder().environment(Environment.of(Map.of())).httpTransport(t).executor(Runnable::run).clock(clock).sleeper(sleeper, () -> 0.5).build()).build();
        assertThat(c.getToken(TokenRequestContext.of(ARM)).token()).isEqualTo("mi-token");
        assertThat(sleeper.sleeps()).containsExactly(Duration.ofSeconds(30));
    }

    @Test
    void tokenEndpoint_retryAfterLongerThan30Seconds_isCappedAt30Seconds() {
        ScriptedTransport t = new ScriptedTransport().thenJson(503, "{}", Map.of("Retry-After", "3600"))
                .thenJson(200, ScriptedTransport.tokenJson("tok", 3600));
        ClientSecretCredential c = ClientSecretCredential.builder().tenantId(ClientSecretCredentialTest.TENANT)
                .clientId(ClientSecretCredentialTest.CLIENT).clientSecret("s").options(CredentialOptions.builder().httpTransport(t).executor(Runnable::run).clock(clock).sleeper(sleeper, () -> 0.5).build()).build();
        assertThat(c.getToken(TokenRequestContext.of(ARM)).token()).isEqualTo("tok");
        assertThat(sleeper.sleeps()).containsExactly(Duration.ofSeconds(30));
    }
}
