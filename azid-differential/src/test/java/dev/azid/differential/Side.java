package dev.azid.differential;

import dev.azid.emulator.EmulatorConfig;
import dev.azid.emulator.EntraEmulator;
import dev.azid.test.TestCertificates;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * One side of the comparison: its own emulator (so both sides can run at once without mixing their
 * request logs), its own fake tools, and the files the scenarios point variables at. Closed by the test.
 */
final class Side implements AutoCloseable {

    /** A second tenant, where the multi-tenant default app may also get tokens. */
    static final String OTHER_TENANT = "b2b20000-0000-4000-8000-0000000000b2";
    /** A tenant the directory does not have. */
    static final String UNKNOWN_TENANT = "dead0000-0000-4000-8000-00000000dead";
    /** A pfx password: a test fixture. */
    static final String PFX_PASSWORD = "pfx-password-1";

    final String name;
    final EntraEmulator emulator;
    final Path dir;
    final FakeTools tools;
    final Path certificatePem;
    final Path certificatePfx;
    final Path federatedTokenFile;
    /** The child's trust store: the emulator's CA and the Service Fabric endpoint's self-signed certificate. */
    final Path trustStore;

    Side(String name, Path root, TestCertificates certs) {
        this.name = name;
        this.dir = root.resolve(name);
        // Transparent mode is the children's HTTPS proxy: it serves the real Entra hosts and refuses (403, logged)
        // every other host, so no test reaches the internet and every call to the public cloud shows in the log.
        this.emulator = EntraEmulator.builder().config(config(certs)).proxy(true).dispatcher(LocalInstanceDiscovery::new).start();
        this.tools = new FakeTools(dir.resolve("tools"));
        try {
            Files.createDirectories(dir.resolve("home"));
            trustStore = ChildTrust.write(emulator.endpoints(), dir.resolve("trust.p12"));
            tools.install(name, EmulatorConfig.DEFAULT_TENANT_ID);
            certificatePem = Files.writeString(dir.resolve("cert.pem"), certs.pkcs8Pem() + certs.certificatePem());
            certificatePfx = Files.write(dir.resolve("cert.pfx"), certs.pfx(PFX_PASSWORD));
            federatedTokenFile = Files.writeString(dir.resolve("federated-token"),
                    emulator.federatedToken(EmulatorConfig.DEFAULT_FEDERATED_SUBJECT));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The default directory, with the default app multi-tenant and holding a certificate, and a second tenant. */
    private static EmulatorConfig config(TestCertificates certs) {
        EmulatorConfig d = EmulatorConfig.defaults();
        EmulatorConfig.Tenant t = d.tenants().get(0);
        List<EmulatorConfig.Application> apps = t.applications().stream()
                .map(a -> a.clientId().equals(EmulatorConfig.DEFAULT_CLIENT_ID)
                        ? a.toBuilder().multiTenant(true).certificates(List.of(certs.certificatePem())).build() : a)
                .toList();
        EmulatorConfig.Tenant other = EmulatorConfig.Tenant.builder(OTHER_TENANT).domains(List.of("other.onmicrosoft.com"))
                .displayName("second tenant").build();
        return d.toBuilder().tenants(List.of(t.toBuilder().applications(apps).build(), other)).build();
    }

    /** @return the emulator's authority host, {@code https://127.0.0.1:<port>} */
    String authorityHost() {
        return emulator.authorityHost().toString();
    }

    @Override
    public void close() {
        emulator.close();
    }
}
