package dev.azid;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.azid.test.LogCapture;
import dev.azid.test.MutableClock;
import dev.azid.test.ScriptedTransport;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class ClientAssertionCredentialTest {

    @RegisterExtension
    final LogCapture logs = new LogCapture();

    private final MutableClock clock = MutableClock.at("2026-11-24T10:00:00Z");
    private final ScriptedTransport transport = new ScriptedTransport()
            .always(r -> ScriptedTransport.json(200, ScriptedTransport.tokenJson("tok", 3599), Map.of()));
    private final AtomicInteger calls = new AtomicInteger();

    private String jwtExpiringIn(Duration d) {
        calls.incrementAndGet();
        long exp = clock.instant().plus(d).getEpochSecond();
        String payload = Base64.getUrlEncoder().withoutPadding().encodeToString(
                ("{\"iss\":\"https://issuer\",\"exp\":" + exp + "}").getBytes(StandardCharsets.UTF_8));
        return "eyJhbGciOiJSUzI1NiJ9." + payload + ".sig" + calls.get();
    }

    private ClientAssertionCredential credential(java.util.function.Supplier<String> supplier) {
        return ClientAssertionCredential.builder().tenantId(ClientSecretCredentialTest.TENANT)
                .clientId(ClientSecretCredentialTest.CLIENT).clientAssertion(supplier).options(CredentialOptions.builder().httpTransport(transport).executor(Runnable::run).clock(clock).build()).build();
    }

    @Test
    void getToken_assertionStillFresh_reusesItAcrossRequests() {
        ClientAssertionCredential c = credential(() -> jwtExpiringIn(Duration.ofHours(1)));
        c.getToken(TokenRequestContext.of(ClientSecretCredentialTest.ARM));
        c.getToken(TokenRequestContext.of("https://vault.azure.net/.default"));
        assertThat(calls).hasValue(1);
        assertThat(ClientSecretCredentialTest.form(transport.lastBody())).containsEntry("client_assertion_type",
                "urn:ietf:params:oauth:client-assertion-type:jwt-bearer").containsKey("client_assertion");
    }

    @Test
    void getToken_assertionCloseToExpiry_callsSupplierAgain() {
        ClientAssertionCredential c = credential(() -> jwtExpiringIn(Duration.ofMinutes(10)));
        c.getToken(TokenRequestContext.of(ClientSecretCredentialTest.ARM));
        clock.advance(Duration.ofMinutes(6));
        c.getToken(TokenRequestContext.of("https://vault.azure.net/.default"));
        assertThat(calls).hasValue(2);
    }

    @Test
    void getToken_opaqueAssertion_callsSupplierEveryTime() {
        ClientAssertionCredential c = credential(() -> "opaque-" + calls.incrementAndGet());
        c.getToken(TokenRequestContext.of(ClientSecretCredentialTest.ARM));
        c.getToken(TokenRequestContext.of("https://vault.azure.net/.default"));
        assertThat(calls).hasValue(2);
    }

    @Test
    void getToken_blankAssertion_failsClearly() {
        assertThatThrownBy(() -> credential(() -> " ").getToken(TokenRequestContext.of(ClientSecretCredentialTest.ARM)))
                .isInstanceOf(AuthenticationFailedException.class).hasMessageContaining("returned no assertion");
        assertThat(transport.calls()).isZero();
    }

    @Test
    void build_callsNoSupplier_andRequiresOne() {
        credential(() -> {
            throw new AssertionError("supplier called at build time");
        });
        assertThatThrownBy(() -> ClientAssertionCredential.builder().tenantId("t").clientId("c").build())
                .hasMessageContaining("clientAssertion is not set");
    }

    @Test
    void assertions_neverLogged() {
        ClientAssertionCredential c = credential(() -> "secret-assertion-value");
        c.getToken(TokenRequestContext.of(ClientSecretCredentialTest.ARM));
        assertThat(c.toString()).doesNotContain("secret-assertion-value");
        logs.assertNoSecrets("secret-assertion-value");
    }
}
