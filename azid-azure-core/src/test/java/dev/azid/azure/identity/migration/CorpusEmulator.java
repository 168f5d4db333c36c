package dev.azid.azure.identity.migration;

import com.azure.core.http.jdk.httpclient.JdkHttpClientBuilder;
import dev.azid.emulator.EmulatorConfig;
import dev.azid.emulator.EntraEmulator;
import dev.azid.test.CertificateApps;
import dev.azid.test.TestCertificates;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * The emulator the corpus runs against: the default directory plus an application that
 * authenticates with a certificate and a Cognitive Services resource, and the {@link Sandbox} for it.
 */
final class CorpusEmulator {

    static final String CERT_APP = "ce7e0000-0000-4000-8000-00000000c0a1";
    static final String USER_ASSIGNED = "0a5e0000-0000-4000-8000-0000000005e1";
    static final String USER_ASSIGNED_OBJECT = "0a5e0000-0000-4000-8000-0000000005e2";
    static final String COGNITIVE = "https://cognitiveservices.azure.com";

    private CorpusEmulator() {
    }

    static EntraEmulator start(TestCertificates certs) {
        EmulatorConfig config = CertificateApps.inDefaultDirectory(CERT_APP, "cert-app", certs)
                .addResource(EmulatorConfig.Resource.builder(COGNITIVE, "7d312290-28c8-473c-a0ed-8e53749b6d6d").build())
                .build();
        return EntraEmulator.builder().config(config).start();
    }

    static Sandbox sandbox(EntraEmulator e, Path dir, TestCertificates certs) throws IOException {
        Path pem = Files.writeString(dir.resolve("app.pem"), certs.pkcs8Pem() + certs.certificatePem());
        return new Sandbox(e.authorityHost().toString(),
                new JdkHttpClientBuilder(HttpClient.newBuilder().sslContext(e.sslContext())).build(),
                new MapConfiguration(Map.of()), EmulatorConfig.DEFAULT_TENANT_ID, EmulatorConfig.DEFAULT_CLIENT_ID,
                EmulatorConfig.DEFAULT_CLIENT_SECRET, CERT_APP, pem.toString(), USER_ASSIGNED,
                EmulatorConfig.DEFAULT_USERNAME, EmulatorConfig.DEFAULT_PASSWORD, (url, code) -> approve(e, url, code),
                e.endpoints().keyVaultEndpoint().toString());
    }

    /** Signs in on the device code page as the user on another device would. */
    private static void approve(EntraEmulator e, String verificationUrl, String userCode) {
        String form = "user_code=" + userCode + "&username=" + URLEncoder.encode(EmulatorConfig.DEFAULT_USERNAME,
                StandardCharsets.UTF_8) + "&password=" + EmulatorConfig.DEFAULT_PASSWORD + "&action=approve";
        try {
            HttpResponse<String> r = HttpClient.newBuilder().sslContext(e.sslContext()).build().send(
                    HttpRequest.newBuilder(URI.create(verificationUrl)).header("Content-Type",
                            "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(form)).build(),
                    HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() >= 400) {
                throw new AssertionError("device code page answered " + r.statusCode());
            }
        } catch (IOException ex) {
            throw new AssertionError(ex);
        } catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new AssertionError(ex);
        }
    }
}
