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
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Assume;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Random secrets planted in every shape of foreign text, inside random surrounding text, never
 * survive the redactor; nor, end to end, a token endpoint error or a managed identity error (the
 * exception, its causes, details and toString, and every log line at TRACE).
 */
class RedactionPropertyTest {

    private static final String CLIENT = ClientSecretCredentialTest.CLIENT;

    @Provide
    Arbitrary<String> secrets() {
        return ForeignTextShapes.secrets();
    }

    @Provide
    Arbitrary<String> noise() {
        return ForeignTextShapes.noise();
    }

    @Provide
    Arbitrary<String> configured() {
        return Arbitraries.strings().ascii().ofMinLength(4).ofMaxLength(40);
    }

    @Provide
    Arbitrary<Integer> statuses() {
        return Arbitraries.of(400, 401, 403, 404, 500, 503);
    }

    private static Planted plant(Shape shape, String secret, long variant, String before, String after) {
        Planted p = ForeignTextShapes.plant(shape, secret, variant, before, after);
        for (String form : p.forms()) {
            // The surrounding text may, by chance, hold the secret itself: then there is nothing to prove.
            Assume.that(ForeignTextShapes.occurrences(p.text(), form) == ForeignTextShapes.occurrences(
                    ForeignTextShapes.plant(shape, secret, variant, "", "").text(), form));
        }
        return p;
    }

    @Property(tries = 2000)
    void redact_secretPlantedInAnyShape_neverSurvives(@ForAll Shape shape, @ForAll("secrets") String secret,
            @ForAll long variant, @ForAll("noise") String before, @ForAll("noise") String after) {
        Planted p = plant(shape, secret, variant, before, after);
        String redacted = Redactor.SHAPES.redact(p.text());
        String excerpt = Redactor.SHAPES.excerpt(p.text());
        for (String form : p.forms()) {
            assertThat(redacted).as("redacted %s", p.text()).doesNotContain(form);
            assertThat(excerpt).doesNotContain(form);
        }
    }

    @Property(tries = 1000)
    void redact_configuredSecretAnywhereInAnyEncoding_neverSurvives(@ForAll("configured") String secret,
            @ForAll("noise") String before, @ForAll("noise") String after, @ForAll long variant) {
        java.util.Random r = new java.util.Random(variant);
        String url = URLEncoder.encode(secret, StandardCharsets.UTF_8);
        String b64 = Base64.getEncoder().encodeToString(secret.getBytes(StandardCharsets.UTF_8));
        String basic = Base64.getEncoder().encodeToString((CLIENT + ":" + secret).getBytes(StandardCharsets.UTF_8));
        String form = ForeignTextShapes.pick(r, List.of(secret, url, b64, basic, url.replace("+", "%20")));
        String text = before + ForeignTextShapes.pick(r, List.of("", " ", "\n", "=", ": ", "'")) + form + " " + after;
        Assume.that(ForeignTextShapes.occurrences(text, form) == 1);
        String redacted = Redactor.withSecrets(secret).andBasic(CLIENT, secret).redact(text);
        assertThat(redacted).doesNotContain(form);
    }

    private static String json(String s) {
        StringBuilder sb = new StringBuilder();
        for (char c : s.toCharArray()) {
            if (c == '"' || c == '\\') {
                sb.append('\\').append(c);
            } else if (c < 0x20) {
                sb.append(String.format("\\u%04x", (int) c));
            } else {
                sb.append(c);
            }
        }
        return sb.toString();
    }

    private static Throwable withLogs(LogCapture logs, Supplier<Throwable> run) {
        logs.beforeEach(null);
        try {
            return run.get();
        } finally {
            logs.afterEach(null);
        }
    }

    @Property(tries = 150)
    void tokenEndpointError_echoingPlantedAndConfiguredSecrets_showsNeither(@ForAll Shape shape,
            @ForAll("secrets") String planted, @ForAll("secrets") String clientSecret, @ForAll long variant,
            @ForAll("noise") String before, @ForAll("noise") String after, @ForAll("statuses") int status) {
        Planted p = plant(shape, planted, variant, before, after);
        Assume.that(!p.text().contains(clientSecret) && !clientSecret.contains(planted));
        // Entra quotes the first line of error_description: put the whole text on it.
        String echo = (p.text() + " secret " + clientSecret).replace('\r', ' ').replace('\n', ' ');
        String field = ForeignTextShapes.pick(new java.util.Random(variant), List.of("error_description", "error",
                "trace_id", "correlation_id"));
        MutableClock clock = MutableClock.at("2026-11-24T10:00:00Z");
        ScriptedTransport transport = new ScriptedTransport().always(r -> ScriptedTransport.json(status,
                "{" + (field.equals("error") ? "" : "\"error\":\"invalid_request\",") + "\"" + field + "\":\""
                        + json(echo) + "\"}", Map.of()));
        ClientSecretCredential c = ClientSecretCredential.builder().tenantId(ClientSecretCredentialTest.TENANT)
                .clientId(CLIENT).clientSecret(clientSecret).httpTransport(transport).executor(Runnable::run)
                .clock(clock).sleeper(new RecordingSleeper(clock), () -> 0.5).build();
        LogCapture logs = new LogCapture();
        Throwable t = withLogs(logs, () -> catchThrowable(() -> c.getToken(TokenRequestContext.of(
                ClientSecretCredentialTest.ARM))));
        assertThat(t).isInstanceOf(AuthenticationFailedException.class);
        List<String> secrets = new ArrayList<>(p.forms());
        secrets.add(clientSecret);
        Leaks.assertNone(t, logs, secrets.toArray(String[]::new));
    }

    @Property(tries = 100)
    void managedIdentityError_echoingPlantedSecretAndIdentityHeader_showsNeither(@ForAll Shape shape,
            @ForAll("secrets") String planted, @ForAll("secrets") String identityHeader, @ForAll long variant,
            @ForAll("noise") String before, @ForAll("noise") String after, @ForAll("statuses") int status,
            @ForAll boolean asJson) {
        Planted p = plant(shape, planted, variant, before, after);
        Assume.that(!p.text().contains(identityHeader) && !identityHeader.contains(planted));
        String echo = identityHeader + " " + p.text();
        byte[] body = (asJson ? "{\"error\":\"invalid_request\",\"error_description\":\"" + json(echo) + "\"}" : echo)
                .getBytes(StandardCharsets.UTF_8);
        MutableClock clock = MutableClock.at("2026-11-24T10:00:00Z");
        ScriptedTransport transport = new ScriptedTransport().always(r -> new HttpResponse(status,
                Map.of("Content-Type", List.of(asJson ? "application/json" : "text/plain")), body));
        ManagedIdentityCredential c = ManagedIdentityCredential.builder().environment(Environment.of(Map.of(
                "IDENTITY_ENDPOINT", "http://127.0.0.1:41000/msi/token", "IDENTITY_HEADER", identityHeader)))
                .httpTransport(transport).executor(Runnable::run).clock(clock)
                .sleeper(new RecordingSleeper(clock), () -> 0.5).osName("Linux").build();
        LogCapture logs = new LogCapture();
        Throwable t = withLogs(logs, () -> catchThrowable(() -> c.getToken(TokenRequestContext.of(
                ClientSecretCredentialTest.ARM))));
        assertThat(t).isInstanceOf(CredentialException.class);
        List<String> secrets = new ArrayList<>(p.forms());
        secrets.add(identityHeader);
        Leaks.assertNone(t, logs, secrets.toArray(String[]::new));
    }
}
