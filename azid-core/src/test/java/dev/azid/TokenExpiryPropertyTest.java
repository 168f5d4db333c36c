package dev.azid;

import static org.assertj.core.api.Assertions.assertThat;

import dev.azid.internal.cache.TokenExpiry;
import dev.azid.internal.process.ProcessResult;
import dev.azid.internal.process.ProcessRunner;
import dev.azid.test.MutableClock;
import dev.azid.test.RecordingSleeper;
import dev.azid.test.ScriptedTransport;
import dev.azid.test.gen.Coverage;
import dev.azid.test.gen.Gen;
import dev.azid.test.gen.Gens;
import dev.azid.test.gen.Property;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Issue 11, class 5 as a property: for any expiry value, in any managed-identity answer shape, a token
 * endpoint answer, or a developer tool's output, {@code getToken} either returns a token whose expiry is
 * after now and within {@link TokenExpiry#MAX_LIFETIME}, or throws one of the two documented exceptions
 * without quoting the token; never anything else.
 */
class TokenExpiryPropertyTest {

    private static final String ARM = "https://management.azure.com/.default";
    private static final Instant NOW = Instant.parse("2026-11-24T10:00:00Z");
    private static final long NOW_S = NOW.getEpochSecond();

    /** Every answer shape: the six managed-identity sources, the token endpoint, and the three tools. */
    enum Shape { IMDS, APP_SERVICE, LEGACY, CLOUD_SHELL, SERVICE_FABRIC, ARC, TOKEN_ENDPOINT, AZ_CLI, AZD, PWSH }

    private Path scratch;

    private Path scratch() {
        if (scratch == null) {
            try {
                scratch = Files.createTempDirectory("azid-expiry-property");
                for (String tool : new String[] {"az", "azd", "pwsh"}) {
                    Path p = Files.writeString(scratch.resolve(tool), "#!/bin/sh\nexit 1\n");
                    Files.setPosixFilePermissions(p, PosixFilePermissions.fromString("rwx------"));
                }
                Files.writeString(scratch.resolve("arc.key"), "arc-key");
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return scratch;
    }

    @AfterEach
    void deleteScratch() throws IOException {
        if (scratch != null) {
            try (Stream<Path> files = Files.walk(scratch)) {
                for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(p);
                }
            }
        }
    }

    /**
     * One answer: its shape and the literals of its two expiry fields (see {@link #body}).
     *
     * @param shape the shape
     * @param first {@code expires_on}, the token endpoint's {@code expires_in}, or the tool's expiry field
     * @param second {@code expires_in} (managed identity) or {@code expiresOn} (Azure CLI)
     */
    record Answer(Shape shape, String first, String second) {
    }

    /**
     * One try: an answer, the {@code refresh_in} literal (or {@code null} for absent) and the token.
     *
     * @param answer the answer
     * @param refreshIn the {@code refresh_in} literal
     * @param token the access token the answer carries
     */
    record Try(Answer answer, String refreshIn, String token) {
    }

    @Test
    void getToken_returnsAValidExpiryOrFailsCleanly() {
        Coverage outcome = new Coverage();
        Property.forAll(600, Gens.combine(answers(), refreshIn(), token()).as(Try::new), one -> {
            Answer answer = one.answer();
            String token = one.token();
            MutableClock clock = new MutableClock(NOW);
            Shape shape = answer.shape();
            try {
                String body = body(shape, token, answer.first(), answer.second(), one.refreshIn());
                AccessToken t = credential(shape, body, clock).getToken(TokenRequestContext.of(ARM));
                assertThat(t.token()).isEqualTo(token);
                assertThat(t.expiresAt()).isAfter(NOW).isBeforeOrEqualTo(NOW.plus(TokenExpiry.MAX_LIFETIME));
                assertThat(t.refreshAt()).isBeforeOrEqualTo(t.expiresAt());
                outcome.collect("token");
            } catch (AuthenticationFailedException | CredentialUnavailableException e) {
                assertThat(e.getMessage()).doesNotContain(token);
                outcome.collect("refused");
            }
        });
        // Not vacuous: valid expiries must be generated and accepted often enough, invalid ones refused.
        outcome.requireAtLeast("token", 10);
        outcome.requireAtLeast("refused", 10);
    }

    private static String field(String name, String literal) {
        return literal == null ? "" : ",\"" + name + "\":" + literal;
    }

    private static String body(Shape shape, String token, String first, String second, String refreshIn) {
        return switch (shape) {
            case TOKEN_ENDPOINT -> "{\"token_type\":\"Bearer\",\"access_token\":\"" + token + "\"" + field("expires_in", first)
                    + field("refresh_in", refreshIn) + "}";
            case AZ_CLI -> "{\"accessToken\":\"" + token + "\"" + field("expires_on", first) + field("expiresOn", second) + "}";
            case AZD -> "{\"token\":\"" + token + "\"" + field("expiresOn", first) + "}";
            case PWSH -> "{\"Token\":\"" + token + "\"" + field("ExpiresOn", first) + "}";
            default -> "{\"access_token\":\"" + token + "\",\"token_type\":\"Bearer\"" + field("expires_on", first)
                    + field("expires_in", second) + field("refresh_in", refreshIn) + "}";
        };
    }

    private TokenCredential credential(Shape shape, String body, MutableClock clock) {
        ScriptedTransport transport = new ScriptedTransport();
        Environment tools = Environment.of(Map.of("PATH", scratch().toString()));
        ProcessRunner printing = (argv, env, cwd, timeout) -> new ProcessResult(0, body, "", false);
        Map<String, String> env = switch (shape) {
            case APP_SERVICE -> Map.of("IDENTITY_ENDPOINT", "http://127.0.0.1:41000/msi/token", "IDENTITY_HEADER", "h");
            case LEGACY -> Map.of("MSI_ENDPOINT", "http://127.0.0.1:46808/", "MSI_SECRET", "s");
            case CLOUD_SHELL -> Map.of("MSI_ENDPOINT", "http://localhost:50342/oauth2/token");
            case SERVICE_FABRIC -> Map.of("IDENTITY_ENDPOINT", "https://127.0.0.1:2377/", "IDENTITY_HEADER", "h",
                    "IDENTITY_SERVER_THUMBPRINT", "a".repeat(40));
            case ARC -> Map.of("IDENTITY_ENDPOINT", "http://localhost:40342/metadata/identity/oauth2/token",
                    "IMDS_ENDPOINT", "http://localhost:40342");
            default -> Map.of();
        };
        if (shape == Shape.ARC) {
            transport.then(r -> ScriptedTransport.json(401, "{}", Map.of("WWW-Authenticate", "Basic realm="
                    + scratch().resolve("arc.key"))));
        }
        transport.thenJson(200, body);
        return switch (shape) {
            case TOKEN_ENDPOINT -> ClientSecretCredential.builder().tenantId(ClientSecretCredentialTest.TENANT)
                    .clientId(ClientSecretCredentialTest.CLIENT).clientSecret("s").options(CredentialOptions.builder().httpTransport(transport).executor(Runnable::run).clock(clock).sleeper(new RecordingSleeper(clock), () -> 0.5).build()).build();
            case AZ_CLI -> AzureCliCredential.builder().options(CredentialOptions.builder().environment(tools).clock(clock).build()).localZone(ZoneOffset.UTC).osName("Linux")
                    .processRunner(printing).build();
            case AZD -> AzureDeveloperCliCredential.builder().options(CredentialOptions.builder().environment(tools).clock(clock).build()).localZone(ZoneOffset.UTC).osName("Linux")
                    .processRunner(printing).build();
            case PWSH -> AzurePowerShellCredential.builder().options(CredentialOptions.builder().environment(tools).clock(clock).build()).localZone(ZoneOffset.UTC).osName("Linux")
                    .processRunner(printing).build();
            default -> ManagedIdentityCredential.builder().options(CredentialOptions.builder().environment(Environment.of(env)).httpTransport(transport).executor(Runnable::run).clock(clock).sleeper(new RecordingSleeper(clock), () -> 0.5).build()).osName("Linux")
                    .arcTokenDirectory(scratch()).build();
        };
    }

    private static Gen<String> token() {
        return Gens.strings().withCharRange('a', 'z').numeric().ofMinLength(16).ofMaxLength(40).map(s -> "tok" + s);
    }

    private static Gen<String> refreshIn() {
        return Gens.oneOf(Gens.longs().map(String::valueOf),
                Gens.longs(-10, 100_000).map(String::valueOf), Gens.of("\"x\"", "1e999999999", "NaN"))
                .injectNull(0.5);
    }

    private static final long WEEK = TokenExpiry.MAX_LIFETIME.getSeconds();
    /** Epoch seconds around the valid window (now, now + 7 days]; its edge cases fall just outside it. */
    private static final Gen<Long> NEAR = Gens.longs(NOW_S - 600, NOW_S + WEEK + 600);
    /** Lifetimes around the valid window (0, 7 days]. */
    private static final Gen<Long> LIFETIMES = Gens.longs(-600, WEEK + 600);

    /** Each shape with values of the form its fields really take, mixed with anything at all. */
    private static Gen<Answer> answers() {
        return Gens.of(Shape.values()).flatMap(shape -> Gens.combine(
                Gens.<String>frequencyOf(Gens.weighted(3, plausibleFirst(shape)), Gens.weighted(2, expiry())),
                Gens.<String>frequencyOf(Gens.weighted(3, plausibleSecond(shape)), Gens.weighted(2, expiry())))
                .as((first, second) -> new Answer(shape, first, second)));
    }

    private static Gen<String> plausibleFirst(Shape shape) {
        Gen<String> epoch = Gens.oneOf(NEAR.map(String::valueOf), NEAR.map(v -> "\"" + v + "\""));
        return switch (shape) {
            case TOKEN_ENDPOINT -> LIFETIMES.map(String::valueOf);
            case AZD -> dates(Gens.just(2));
            case AZ_CLI, PWSH -> NEAR.map(String::valueOf);
            case LEGACY -> Gens.oneOf(epoch, dates(Gens.of(0, 1, 4)));
            default -> epoch;
        };
    }

    private static Gen<String> plausibleSecond(Shape shape) {
        return shape == Shape.AZ_CLI ? dates(Gens.just(3))
                : Gens.oneOf(LIFETIMES.map(String::valueOf), LIFETIMES.map(v -> "\"" + v + "\""));
    }

    /** A JSON literal for an expiry field, or {@code null} for "absent". */
    private static Gen<String> expiry() {
        return Gens.oneOf(
                Gens.longs().map(String::valueOf),
                NEAR.map(String::valueOf),
                NEAR.map(v -> "\"" + v + "\""),
                LIFETIMES.map(String::valueOf),
                LIFETIMES.map(v -> "\"" + v + "\""),
                Gens.doubles().filter(Double::isFinite).map(String::valueOf),
                Gens.of("NaN", "\"NaN\"", "-0", "1e999999999", "1E400", "1e-999999", "true", "null", "{}", "[1]", "\"\"",
                        "123456789012345678901234567890", "\"9999999999\"", "253402300799", "4294967295", "\"+60\"",
                        "\"12/31/9999 11:59:59 PM +00:00\"", "\"9999-12-31T23:59:59Z\""),
                dates(Gens.integers(0, 4)),
                Gens.strings().ofMaxLength(40).map(TokenExpiryPropertyTest::quote)).injectNull(0.15);
    }

    /**
     * Dates around now: legacy App Service 12-hour (0) and 24-hour (1) forms, ISO-8601 as azd prints
     * it (2), the Azure CLI's local form (3), and a 24-hour hour with PM (4, refused).
     */
    private static Gen<String> dates(Gen<Integer> form) {
        Gen<Integer> offsetMinutes = Gens.integers(-14 * 60, 14 * 60).map(m -> m / 15 * 15);
        return Gens.combine(NEAR, offsetMinutes, form).as((epoch, offset, f) -> {
            ZoneOffset zone = ZoneOffset.ofTotalSeconds(offset * 60);
            LocalDateTime t = LocalDateTime.ofEpochSecond(epoch, 0, zone);
            int h12 = t.getHour() % 12 == 0 ? 12 : t.getHour() % 12;
            String off = zone.getId().equals("Z") ? "+00:00" : zone.getId();
            String text = switch (f) {
                case 0 -> String.format("%d/%d/%d %d:%02d:%02d %s %s", t.getMonthValue(), t.getDayOfMonth(), t.getYear(), h12,
                        t.getMinute(), t.getSecond(), t.getHour() < 12 ? "AM" : "PM", off);
                case 1 -> t.format(DateTimeFormatter.ofPattern("MM/dd/yyyy HH:mm:ss")) + " " + off;
                case 2 -> t.atOffset(zone).toString();
                case 3 -> LocalDateTime.ofEpochSecond(epoch, 0, ZoneOffset.UTC)
                        .format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSSSSS"));
                default -> String.format("%d/%d/%d %d:%02d:%02d %s %s", t.getMonthValue(), t.getDayOfMonth(), t.getYear(),
                        t.getHour(), t.getMinute(), t.getSecond(), "PM", off);
            };
            return quote(text);
        });
    }

    private static String quote(String s) {
        StringBuilder sb = new StringBuilder("\"");
        for (char c : s.toCharArray()) {
            if (c == '"' || c == '\\') {
                sb.append('\\').append(c);
            } else if (c < 0x20 || Character.isSurrogate(c)) {
                sb.append(String.format("\\u%04x", (int) c));
            } else {
                sb.append(c);
            }
        }
        return sb.append('"').toString();
    }
}
