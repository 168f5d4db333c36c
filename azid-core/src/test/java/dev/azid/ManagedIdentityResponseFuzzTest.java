package dev.azid;

import dev.azid.http.HttpResponse;
import dev.azid.test.ForeignInput;
import dev.azid.test.ForeignOutcome;
import dev.azid.test.MutableClock;
import dev.azid.test.RecordingSleeper;
import dev.azid.test.ScriptedTransport;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import dev.azid.test.gen.Gen;
import dev.azid.test.gen.Gens;
import dev.azid.test.gen.Property;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.BeforeAll;

/**
 * Fuzzes every managed-identity source's answers (IMDS, App Service, legacy MSI, Cloud Shell,
 * Service Fabric, Azure Arc's challenge and token), system- and user-assigned: any answer gives a
 * valid token or a documented failure, never a planted secret or the host's identity header.
 */
class ManagedIdentityResponseFuzzTest {

    private static final String CLIENT_ID = "7e1f0ad4-5b0c-4b5e-9a51-0c3c4a2f9f10";
    private static final List<String> FIELDS = List.of("access_token", "expires_in", "expires_on", "refresh_in",
            "token_type", "resource", "client_id", "object_id", "msi_res_id", "not_before", "error", "error_description",
            "message", "statusCode", "correlationId", "Message");

    @TempDir
    static Path arcDir;

    @BeforeAll
    static void arcKeyDirectory() throws Exception {
        Files.writeString(arcDir.resolve("secret.key"), "arc-key-file-contents-0123456789");
    }

    record Answer(String source, boolean userAssigned, int status, String body, String secret, String challenge) {
    }

    private static Gen<Answer> answers() {
        Gen<String> challenge = Gens.of("Basic realm=%key", "Basic realm=%dir/../secret.key",
                "Basic realm=/etc/passwd", "Basic realm=%dir/other.txt", "Basic realm=", "Bearer realm=%key",
                "Basic realm=\"%key\"", "Basic realm=%key\r\nX: y", "basic REALM=%key", "Basic realm=relative.key",
                "Basic realm=%dir/missing.key");
        return ForeignInput.secret().flatMap(secret -> Gens.combine(
                Gens.of("IMDS", "App Service", "legacy", "Cloud Shell", "Service Fabric", "Arc"),
                Gens.of(false, true),
                Gens.of(200, 200, 200, 400, 401, 403, 404, 410, 429, 500, 503, 0),
                ForeignInput.jsonBody(secret, FIELDS), challenge)
                .as((source, user, status, body, ch) -> new Answer(source, user, status, body, secret, ch)));
    }

    private static Map<String, String> environment(String source, String hostSecret) {
        Map<String, String> env = new HashMap<>();
        switch (source) {
            case "App Service" -> {
                env.put("IDENTITY_ENDPOINT", "http://127.0.0.1:41000/msi/token");
                env.put("IDENTITY_HEADER", hostSecret);
            }
            case "legacy" -> {
                env.put("MSI_ENDPOINT", "http://127.0.0.1:46808/");
                env.put("MSI_SECRET", hostSecret);
            }
            case "Cloud Shell" -> env.put("MSI_ENDPOINT", "http://localhost:50342/oauth2/token");
            case "Service Fabric" -> {
                env.put("IDENTITY_ENDPOINT", "https://127.0.0.1:2377/metadata/identity/oauth2/token");
                env.put("IDENTITY_HEADER", hostSecret);
                env.put("IDENTITY_SERVER_THUMBPRINT", "a".repeat(40));
            }
            case "Arc" -> {
                env.put("IDENTITY_ENDPOINT", "http://localhost:40342/metadata/identity/oauth2/token");
                env.put("IMDS_ENDPOINT", "http://localhost:40342");
            }
            default -> {
            }
        }
        return env;
    }

    @Test
    void managedIdentity_anyAnswer_validTokenOrDocumentedFailureWithoutSecrets() {
        Property.forAll(500, answers(), a -> {
            MutableClock clock = MutableClock.at("2026-11-24T10:00:00Z");
            String hostSecret = "Hs" + a.secret() + "Hdr";
            String challenge = a.challenge().replace("%key", arcDir.resolve("secret.key").toString())
                    .replace("%dir", arcDir.toString());
            ScriptedTransport transport = new ScriptedTransport();
            if (a.source().equals("Arc")) {
                transport.then(r -> ScriptedTransport.json(401, "{}", Map.of("WWW-Authenticate", challenge)));
            }
            transport.always(r -> ScriptedTransport.json(a.status(), a.body(), Map.of()));
            ManagedIdentityCredential.Builder builder = ManagedIdentityCredential.builder()
                    .options(CredentialOptions.builder().environment(Environment.of(environment(a.source(), hostSecret))).httpTransport(transport).executor(Runnable::run).clock(clock).sleeper(new RecordingSleeper(clock), () -> 0.5).build()).osName("Linux")
                    .arcTokenDirectory(arcDir);
            if (a.userAssigned()) {
                builder.clientId(CLIENT_ID);
            }
            ForeignOutcome.credential().assertToken(clock, List.of(a.secret(), hostSecret, "arc-key-file-contents"),
                    () -> builder.build().getToken(TokenRequestContext.of("https://management.azure.com/.default")));
        });
    }

    @Test
    void managedIdentity_binaryGarbage_documentedFailure() {
        Property.forAll(100, garbage(), body -> {
            MutableClock clock = MutableClock.at("2026-11-24T10:00:00Z");
            ScriptedTransport transport = new ScriptedTransport()
                    .always(r -> new HttpResponse(200, Map.of("Content-Type", List.of("application/json")), body));
            ManagedIdentityCredential credential = ManagedIdentityCredential.builder().options(CredentialOptions.builder().environment(Environment.of(Map.of())).httpTransport(transport).executor(Runnable::run).clock(clock).sleeper(new RecordingSleeper(clock), () -> 0.5).build()).osName("Linux").build();
            ForeignOutcome.credential().assertToken(clock, List.of(new String(body, StandardCharsets.ISO_8859_1).strip())
                    .stream().filter(s -> s.length() > 12).toList(),
                    () -> credential.getToken(TokenRequestContext.of("https://management.azure.com/.default")));
        });
    }

    private static Gen<byte[]> garbage() {
        return ForeignInput.bytes(2048);
    }
}
