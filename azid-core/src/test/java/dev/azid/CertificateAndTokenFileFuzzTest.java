package dev.azid;

import dev.azid.test.ForeignInput;
import dev.azid.test.ForeignOutcome;
import dev.azid.test.MutableClock;
import dev.azid.test.RecordingSleeper;
import dev.azid.test.ScriptedTransport;
import dev.azid.test.TestCertificates;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import dev.azid.test.gen.Gen;
import dev.azid.test.gen.Gens;
import dev.azid.test.gen.Property;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.BeforeAll;

/**
 * Fuzzes certificate input (PEM text with broken, mixed or truncated blocks; mutated PFX bytes;
 * random bytes) and federated token files (any bytes): the certificate credential refuses bad
 * input with {@link IllegalArgumentException} at {@code build()} or a documented failure at
 * {@code getToken}; workload identity never sends nor shows a file's contents as a message.
 */
class CertificateAndTokenFileFuzzTest {

    @TempDir
    static Path dir;
    private static byte[] pfx;
    private static String pem;

    @BeforeAll
    static void material() throws Exception {
        TestCertificates certs = TestCertificates.valid();
        pfx = certs.pfx("pfx-password");
        pem = certs.certificatePem() + certs.pkcs8Pem();
    }

    private static Gen<byte[]> certificates() {
        Gen<byte[]> mutatedPfx = Gens.combine(Gens.integers(0, 4000),
                Gens.bytes()).as((i, b) -> {
                    byte[] copy = pfx.clone();
                    copy[i % copy.length] = b;
                    return copy;
                });
        Gen<byte[]> truncatedPfx = Gens.integers(0, 4000)
                .map(n -> java.util.Arrays.copyOf(pfx, Math.min(n, pfx.length)));
        Gen<byte[]> brokenPem = Gens.combine(Gens.integers(0, 6000),
                Gens.strings().withCharRange(' ', '~').ofMaxLength(20),
                Gens.of("-----BEGIN PRIVATE KEY-----", "-----END CERTIFICATE-----", "-----BEGIN ENCRYPTED PRIVATE KEY-----",
                        "-----BEGIN RSA PRIVATE KEY-----\nProc-Type: 4,ENCRYPTED\nDEK-Info: AES-256-CBC,00\n", "====", ""))
                .as((cut, noise, marker) -> (pem.substring(0, Math.min(cut, pem.length())) + noise + "\n" + marker + "\n"
                        + pem.substring(Math.min(cut, pem.length()))).getBytes(StandardCharsets.UTF_8));
        Gen<byte[]> pemWithBadBase64 = Gens.strings().withCharRange('!', '~').ofMaxLength(300)
                .map(s -> ("-----BEGIN CERTIFICATE-----\n" + s + "\n-----END CERTIFICATE-----\n-----BEGIN PRIVATE KEY-----\n"
                        + Base64.getEncoder().encodeToString(s.getBytes(StandardCharsets.UTF_8))
                        + "\n-----END PRIVATE KEY-----\n").getBytes(StandardCharsets.UTF_8));
        return Gens.oneOf(mutatedPfx, truncatedPfx, brokenPem, pemWithBadBase64, ForeignInput.bytes(3000));
    }

    @Test
    void clientCertificate_anyBytes_refusedCleanlyOrWorks() {
        Property.forAll(300, certificates(), data -> {
            MutableClock clock = MutableClock.at("2026-11-24T10:00:00Z");
            ScriptedTransport transport = new ScriptedTransport()
                    .always(r -> ScriptedTransport.json(200, ScriptedTransport.tokenJson("eyJ0eXAiOiJKV1QifQ.e30.c2ln", 3600), Map.of()));
            String password = "pfx-password";
            ForeignOutcome.credential().alsoAllowing(IllegalArgumentException.class).assertSafe(List.of(password), () ->
                    ClientCertificateCredential.builder().tenantId("contoso.com").clientId("00000000-0000-0000-0000-0000000000c1")
                            .certificate(data).certificatePassword(password).options(CredentialOptions.builder().httpTransport(transport).executor(Runnable::run).clock(clock).sleeper(new RecordingSleeper(clock), () -> 0.5).build()).build()
                            .getToken(TokenRequestContext.of("https://management.azure.com/.default")));
        });
    }

    private static Gen<byte[]> tokenFiles() {
        return Gens.oneOf(ForeignInput.bytes(4096),
                ForeignInput.secret().map(s -> ("eyJhbGciOiJSUzI1NiJ9." + s + ".sig\n\n").getBytes(StandardCharsets.UTF_8)),
                Gens.of("", "\n", " ", "\u0000", "a\nb", "eyJ.\r\n.x").map(s -> s.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void workloadIdentity_anyTokenFile_documentedOutcomeAndFileNeverShown() {
        Property.forAll(200, tokenFiles(), contents -> {
            Path file = Files.createTempFile(dir, "token", ".jwt");
            try {
                Files.write(file, contents);
                MutableClock clock = MutableClock.at("2026-11-24T10:00:00Z");
                ScriptedTransport transport = new ScriptedTransport().always(r -> ScriptedTransport.json(400,
                        "{\"error\":\"invalid_client\",\"error_description\":\"AADSTS700211: No matching federated identity record found\"}",
                        Map.of()));
                String text = new String(contents, StandardCharsets.UTF_8).strip();
                List<String> secrets = text.length() >= 16 ? List.of(text) : List.of();
                ForeignOutcome.credential().assertToken(clock, secrets, () -> WorkloadIdentityCredential.builder()
                        .tenantId("contoso.com").clientId("00000000-0000-0000-0000-0000000000c1").tokenFilePath(file)
                        .options(CredentialOptions.builder().environment(Environment.of(Map.of())).httpTransport(transport).executor(Runnable::run).clock(clock).sleeper(new RecordingSleeper(clock), () -> 0.5).build()).build()
                        .getToken(TokenRequestContext.of("https://management.azure.com/.default")));
            } finally {
                Files.deleteIfExists(file);
            }
        });
    }
}
