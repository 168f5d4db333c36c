package dev.azid;

import dev.azid.test.ForeignInput;
import dev.azid.test.ForeignOutcome;
import dev.azid.test.MutableClock;
import dev.azid.test.RecordingSleeper;
import dev.azid.test.ScriptedTransport;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import dev.azid.test.gen.Gen;
import dev.azid.test.gen.Gens;
import dev.azid.test.gen.Property;
import org.junit.jupiter.api.Test;

/**
 * Fuzzes the token endpoint's answers (status, body, headers) through the public confidential and
 * user credentials: any answer gives a valid token or a documented failure, with no secret of the
 * answer (nor the credential's own secret or password) in what the caller or the logs see.
 */
class TokenResponseFuzzTest {

    private static final List<String> FIELDS = List.of("access_token", "token_type", "expires_in", "ext_expires_in",
            "refresh_in", "refresh_token", "id_token", "client_info", "error", "error_description", "error_codes",
            "correlation_id", "trace_id", "scope", "foci");

    record Answer(int status, String body, String secret, String retryAfter) {
    }

    private static Gen<Answer> answers() {
        return ForeignInput.secret().flatMap(secret -> Gens.combine(
                Gens.of(200, 200, 200, 400, 401, 403, 404, 429, 500, 503, 302, 0, 600, 999),
                ForeignInput.jsonBody(secret, FIELDS),
                Gens.of("", "1", "0", "-3", "99999999999", "Wed, 21 Oct 2015 07:28:00 GMT", "garbage"))
                .as((status, body, retry) -> new Answer(status, body, secret, retry)));
    }

    /** Options for a credential whose token endpoint always gives {@code a}, on {@code clock}. */
    private static CredentialOptions options(Answer a, MutableClock clock) {
        ScriptedTransport transport = new ScriptedTransport().always(r -> ScriptedTransport.json(a.status(), a.body(),
                a.retryAfter().isEmpty() ? Map.of() : Map.of("Retry-After", a.retryAfter())));
        return CredentialOptions.builder().httpTransport(transport).executor(Runnable::run).clock(clock)
                .sleeper(new RecordingSleeper(clock), () -> 0.5).build();
    }

    /**
     * For {@code tries} fuzzed answers: the credential {@code build} makes from its own secret (the answer's secret
     * between {@code prefix} and "Own") gives a valid token or a documented failure, with neither secret let out.
     */
    private static void anyAnswer(int tries, String prefix, BiFunction<String, CredentialOptions, TokenCredential> build) {
        Property.forAll(tries, answers(), a -> {
            MutableClock clock = MutableClock.at("2026-11-24T10:00:00Z");
            String own = prefix + a.secret() + "Own";
            TokenCredential credential = build.apply(own, options(a, clock));
            ForeignOutcome.credential().assertToken(clock, List.of(a.secret(), own),
                    () -> credential.getToken(TokenRequestContext.of("https://management.azure.com/.default")));
        });
    }

    @Test
    void clientSecret_anyAnswer_validTokenOrDocumentedFailureWithoutSecrets() {
        anyAnswer(400, "Cs", (configured, options) -> ClientSecretCredential.builder().tenantId("contoso.com")
                .clientId("00000000-0000-0000-0000-0000000000c1").clientSecret(configured).options(options).build());
    }

    @Test
    void usernamePassword_anyAnswer_validTokenOrDocumentedFailureWithoutSecrets() {
        anyAnswer(200, "Pw", (password, options) -> UsernamePasswordCredential.builder().tenantId("contoso.com")
                .clientId("00000000-0000-0000-0000-0000000000c1").username("user@contoso.com").password(password)
                .options(options).build());
    }
}
