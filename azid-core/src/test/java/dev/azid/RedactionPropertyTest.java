package dev.azid;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.azid.ForeignTextShapes.Planted;
import dev.azid.ForeignTextShapes.Shape;
import dev.azid.http.HttpResponse;
import dev.azid.internal.redact.Redactor;
import dev.azid.test.Leaks;
import dev.azid.test.LogCapture;
import dev.azid.test.MutableClock;
import dev.azid.test.RecordingSleeper;
import dev.azid.test.ScriptedTransport;
import dev.azid.test.gen.Gen;
import dev.azid.test.gen.Gens;
import dev.azid.test.gen.Property;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * Random secrets planted in every shape of foreign text, inside random surrounding text, never
 * survive the redactor; nor, end to end, a token endpoint error or a managed identity error (the
 * exception, its causes, details and toString, and every log line at TRACE).
 */
class RedactionPropertyTest {

    private static final String CLIENT = ClientSecretCredentialTest.CLIENT;

    private static Gen<String> secrets() {
        return ForeignTextShapes.secrets();
    }

    private static Gen<String> noise() {
        return ForeignTextShapes.noise();
    }

    private static Gen<String> configured() {
        return Gens.strings().ascii().ofMinLength(4).ofMaxLength(40);
    }

    private static Gen<Integer> statuses() {
        return Gens.of(400, 401, 403, 404, 500, 503);
    }

    /** The arguments of {@link ForeignTextShapes#plant}: a secret in a shape, between two pieces of noise. */
    record Planting(Shape shape, String secret, long variant, String before, String after) {

        Planted planted() {
            return ForeignTextShapes.plant(shape, secret, variant, before, after);
        }

        /** The surrounding text may, by chance, hold the secret itself: then there is nothing to prove. */
        boolean noiseHoldsNoForm() {
            Planted p = planted();
            String bare = ForeignTextShapes.plant(shape, secret, variant, "", "").text();
            return p.forms().stream().allMatch(form -> ForeignTextShapes.occurrences(p.text(), form)
                    == ForeignTextShapes.occurrences(bare, form));
        }
    }

    private static Gen<Planting> plantings() {
        return Gens.combine(Gens.of(Shape.values()), secrets(), Gens.longs(), noise(), noise()).as(Planting::new)
                .filter(Planting::noiseHoldsNoForm);
    }

    /** A planted secret, a second secret the server echoes with it, and the server's status. */
    record Echo(Planting planting, String secret, int status) {

        /** Neither secret holds the other, so that each is proved on its own. */
        boolean distinct() {
            return !planting.planted().text().contains(secret) && !secret.contains(planting.secret());
        }
    }

    private static Gen<Echo> echoes() {
        return Gens.combine(plantings(), secrets(), statuses()).as(Echo::new).filter(Echo::distinct);
    }

    /** An echo and whether the server answers it as JSON (or as plain text). */
    record EchoAs(Echo echo, boolean asJson) {
    }

    /** A configured secret, one form of it (as is or encoded), and a text holding that form exactly once. */
    record InText(String secret, String form, String text) {
    }

    private static Gen<InText> configuredInText() {
        return Gens.combine(configured(), noise(), noise(), Gens.longs()).as((secret, before, after, variant) -> {
            java.util.Random r = new java.util.Random(variant);
            String url = URLEncoder.encode(secret, StandardCharsets.UTF_8);
            String b64 = Base64.getEncoder().encodeToString(secret.getBytes(StandardCharsets.UTF_8));
            String basic = Base64.getEncoder().encodeToString((CLIENT + ":" + secret).getBytes(StandardCharsets.UTF_8));
            String form = ForeignTextShapes.pick(r, List.of(secret, url, b64, basic, url.replace("+", "%20")));
            String text = before + ForeignTextShapes.pick(r, List.of("", " ", "\n", "=", ": ", "'")) + form + " " + after;
            return new InText(secret, form, text);
        }).filter(c -> ForeignTextShapes.occurrences(c.text(), c.form()) == 1);
    }

    @Test
    void redact_secretPlantedInAnyShape_neverSurvives() {
        Property.forAll(2000, plantings(), planting -> {
            Planted p = planting.planted();
            String redacted = Redactor.SHAPES.redact(p.text());
            String excerpt = Redactor.SHAPES.excerpt(p.text());
            for (String form : p.forms()) {
                assertThat(redacted).as("redacted %s", p.text()).doesNotContain(form);
                assertThat(excerpt).doesNotContain(form);
            }
        });
    }

    @Test
    void redact_configuredSecretAnywhereInAnyEncoding_neverSurvives() {
        Property.forAll(1000, configuredInText(), c -> {
            String redacted = Redactor.withSecrets(c.secret()).andBasic(CLIENT, c.secret()).redact(c.text());
            assertThat(redacted).doesNotContain(c.form());
        });
    }

    /** JSON string contents (without the quotes). */
    private static String json(String s) {
        String quoted = dev.azid.test.ForeignInput.quote(s);
        return quoted.substring(1, quoted.length() - 1);
    }

    private static Throwable withLogs(LogCapture logs, Supplier<Throwable> run) {
        logs.beforeEach(null);
        try {
            return run.get();
        } finally {
            logs.afterEach(null);
        }
    }

    @Test
    void tokenEndpointError_echoingPlantedAndConfiguredSecrets_showsNeither() {
        Property.forAll(150, echoes(), e -> {
            Planted p = e.planting().planted();
            String clientSecret = e.secret();
            // Entra quotes the first line of error_description: put the whole text on it.
            String echo = (p.text() + " secret " + clientSecret).replace('\r', ' ').replace('\n', ' ');
            String field = ForeignTextShapes.pick(new java.util.Random(e.planting().variant()), List.of(
                    "error_description", "error", "trace_id", "correlation_id"));
            MutableClock clock = MutableClock.at("2026-11-24T10:00:00Z");
            ScriptedTransport transport = new ScriptedTransport().always(r -> ScriptedTransport.json(e.status(),
                    "{" + (field.equals("error") ? "" : "\"error\":\"invalid_request\",") + "\"" + field + "\":\""
                            + json(echo) + "\"}", Map.of()));
            ClientSecretCredential c = ClientSecretCredential.builder().tenantId(ClientSecretCredentialTest.TENANT)
                    .clientId(CLIENT).clientSecret(clientSecret).options(CredentialOptions.builder().httpTransport(transport).executor(Runnable::run).clock(clock).sleeper(new RecordingSleeper(clock), () -> 0.5).build()).build();
            LogCapture logs = new LogCapture();
            Throwable t = withLogs(logs, () -> catchThrowable(() -> c.getToken(TokenRequestContext.of(
                    ClientSecretCredentialTest.ARM))));
            assertThat(t).isInstanceOf(AuthenticationFailedException.class);
            List<String> secrets = new ArrayList<>(p.forms());
            secrets.add(clientSecret);
            Leaks.assertNone(t, logs, secrets.toArray(String[]::new));
        });
    }

    @Test
    void managedIdentityError_echoingPlantedSecretAndIdentityHeader_showsNeither() {
        Property.forAll(100, Gens.combine(echoes(), Gens.of(true, false)).as(EchoAs::new), e -> {
            Planted p = e.echo().planting().planted();
            String identityHeader = e.echo().secret();
            boolean asJson = e.asJson();
            String echo = identityHeader + " " + p.text();
            byte[] body = (asJson ? "{\"error\":\"invalid_request\",\"error_description\":\"" + json(echo) + "\"}"
                    : echo).getBytes(StandardCharsets.UTF_8);
            MutableClock clock = MutableClock.at("2026-11-24T10:00:00Z");
            ScriptedTransport transport = new ScriptedTransport().always(r -> new HttpResponse(e.echo().status(),
                    Map.of("Content-Type", List.of(asJson ? "application/json" : "text/plain")), body));
            ManagedIdentityCredential c = ManagedIdentityCredential.builder().options(CredentialOptions.builder().environment(Environment.of(Map.of(
                    "IDENTITY_ENDPOINT", "http://127.0.0.1:41000/msi/token", "IDENTITY_HEADER", identityHeader))).httpTransport(transport).executor(Runnable::run).clock(clock).sleeper(new RecordingSleeper(clock), () -> 0.5).build()).osName("Linux").build();
            LogCapture logs = new LogCapture();
            Throwable t = withLogs(logs, () -> catchThrowable(() -> c.getToken(TokenRequestContext.of(
                    ClientSecretCredentialTest.ARM))));
            assertThat(t).isInstanceOf(CredentialException.class);
            List<String> secrets = new ArrayList<>(p.forms());
            secrets.add(identityHeader);
            Leaks.assertNone(t, logs, secrets.toArray(String[]::new));
        });
    }
}
