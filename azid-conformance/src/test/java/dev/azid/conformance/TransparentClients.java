package dev.azid.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import dev.azid.emulator.EmulatorConfig;
import dev.azid.emulator.EntraEmulator;
import dev.azid.emulator.RecordedRequest;
import dev.azid.test.CertificateApps;
import dev.azid.test.TestCertificates;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * What the cross-language conformance tests share: an emulator in transparent mode whose directory also has
 * a certificate app, the scripts from {@code src/test/resources/xlang}, and the assertions on tokens and on
 * the request log.
 */
final class TransparentClients {

    static final String TID = EmulatorConfig.DEFAULT_TENANT_ID;
    /** An app that authenticates with {@link #certificates}. */
    static final String CERT_APP = "ce7e0000-0000-4000-8000-00000000ce72";
    /** The default directory's system-assigned managed identity. */
    static final String SYSTEM_MI = "5a5a0000-0000-4000-8000-0000000005a1";
    static final String LOGIN = "login.microsoftonline.com";

    private TransparentClients() {
    }

    /**
     * Starts an emulator in transparent mode with a certificate app added to the default directory.
     *
     * @param certs the app's certificate
     * @return the running emulator; the caller closes it
     */
    static EntraEmulator start(TestCertificates certs) {
        EmulatorConfig config = CertificateApps.inDefaultDirectory(CERT_APP, "xlang-cert-app", certs).build();
        return EntraEmulator.builder().config(config).proxy(true).start();
    }

    /**
     * Writes the certificate app's private key and certificate to one PEM file, as Python and Node read it.
     *
     * @param certs the certificate
     * @param dir where
     * @return the file
     */
    static Path certificatePem(TestCertificates certs, Path dir) throws IOException {
        return Files.writeString(dir.resolve("app.pem"), certs.pkcs8Pem() + "\n" + certs.certificatePem());
    }

    /**
     * Copies a script from {@code src/test/resources/xlang} to a file.
     *
     * @param name the script's name
     * @param dir where
     * @return the file
     */
    static Path script(String name, Path dir) throws IOException {
        try (InputStream in = TransparentClients.class.getResourceAsStream("/xlang/" + name)) {
            Path file = dir.resolve(name);
            Files.write(file, in.readAllBytes());
            return file;
        }
    }

    /**
     * Verifies a token's signature with the emulator's keys.
     *
     * @param emulator the emulator
     * @param token the token
     * @return its claims
     */
    static Map<String, Object> claims(EntraEmulator emulator, String token) throws Exception {
        return JwksVerifier.forTenant(emulator.authorityHost(), TID, emulator.sslContext()).verify(token);
    }

    /** @return the number of requests logged so far, to slice one test's requests with {@link #since} */
    static int mark(EntraEmulator emulator) {
        return emulator.requestLog().all().size();
    }

    /**
     * The requests logged since a mark.
     *
     * @param emulator the emulator
     * @param mark from {@link #mark}
     * @return those requests
     */
    static List<RecordedRequest> since(EntraEmulator emulator, int mark) {
        List<RecordedRequest> all = emulator.requestLog().all();
        return List.copyOf(all.subList(mark, all.size()));
    }

    /**
     * An unmodified MSAL signed in at the real host: a tunnel to it, the token POST from the named MSAL, and
     * instance discovery there exactly when this client asks for it (msal-node ships the public cloud's
     * metadata and asks nobody; MSAL Python under azure.identity asks the real host).
     *
     * @param log one run's requests
     * @param sku the {@code x-client-sku} MSAL sends (header or form), e.g. {@code MSAL.Python}
     * @param tokenPath the token endpoint's path
     * @param asksInstanceDiscovery whether this client requests {@code /common/discovery/instance}
     */
    static void assertSignedInAtTheRealHost(List<RecordedRequest> log, String sku, String tokenPath,
            boolean asksInstanceDiscovery) {
        assertTokenPostAtTheRealHost(log, tokenPath);
        List<RecordedRequest> discovery = log.stream().filter(r -> r.path().equals("/common/discovery/instance")).toList();
        if (asksInstanceDiscovery) {
            assertThat(discovery).isNotEmpty().allSatisfy(r -> {
                assertThat(r.status()).isEqualTo(200);
                assertThat(r.header("host")).hasValueSatisfying(h -> assertThat(h).startsWith(LOGIN));
            });
        } else {
            assertThat(discovery).isEmpty();
        }
        assertThat(log).filteredOn(r -> r.path().equals(tokenPath)).last().satisfies(r -> assertThat(
                r.header("x-client-sku").orElse(r.form().getOrDefault("x-client-SKU", ""))).containsIgnoringCase(sku));
    }

    /**
     * The token POST through a tunnel to the real host answered 200, and nothing was refused by the proxy or failed
     * on the server (earlier polls of a device code answer 400 {@code authorization_pending}).
     *
     * @param log one run's requests
     * @param tokenPath the token endpoint's path
     */
    static void assertTokenPostAtTheRealHost(List<RecordedRequest> log, String tokenPath) {
        assertThat(log).allSatisfy(r -> assertThat(r.status()).as("%s %s", r.method(), r.path()).isNotEqualTo(403)
                .isLessThan(500));
        assertThat(log).anySatisfy(r -> {
            assertThat(r.method()).isEqualTo("CONNECT");
            assertThat(r.path()).isEqualTo(LOGIN + ":443");
        });
        assertThat(log).filteredOn(r -> r.path().equals(tokenPath)).last().satisfies(r -> {
            assertThat(r.method()).isEqualTo("POST");
            assertThat(r.status()).isEqualTo(200);
            assertThat(r.header("host")).hasValueSatisfying(h -> assertThat(h).startsWith(LOGIN));
        });
    }

    /**
     * The claims of an app-only ARM token issued at the real host.
     *
     * @param claims the token's claims
     * @param appId the app
     */
    static void assertArmAppToken(Map<String, Object> claims, String appId) {
        assertThat(claims).containsEntry("aud", "https://management.azure.com/")
                .containsEntry("iss", "https://sts.windows.net/" + TID + "/")
                .containsEntry("tid", TID)
                .containsEntry("appid", appId);
    }
}
