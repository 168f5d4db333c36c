package dev.azid.differential;

import static dev.azid.differential.Probe.Subject.DEFAULT;
import static dev.azid.differential.Probe.Subject.ENVIRONMENT;

import dev.azid.emulator.EmulatorConfig;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * Every variable set of EnvironmentCredential (complete secret, certificate and user; partial; conflicting;
 * broken), each standalone and inside DefaultAzureCredential (developer tools absent, IMDS refused).
 */
class EnvironmentCredentialDifferentialTest extends DifferentialSuite {

    static final String ARM = "https://management.azure.com/.default";

    private static Group set(String name, Function<Side, Map<String, String>> vars) {
        return Group.of(name, side -> {
            Map<String, String> env = new HashMap<>(vars.apply(side));
            env.put("AZURE_AUTHORITY_HOST", side.authorityHost());
            return env;
        }, Probe.of(name + "-env", ENVIRONMENT, ARM), Probe.of(name + "-dac", DEFAULT, ARM));
    }

    private static Map<String, String> secret() {
        return Map.of("AZURE_TENANT_ID", EmulatorConfig.DEFAULT_TENANT_ID, "AZURE_CLIENT_ID", EmulatorConfig.DEFAULT_CLIENT_ID,
                "AZURE_CLIENT_SECRET", EmulatorConfig.DEFAULT_CLIENT_SECRET);
    }

    private static Map<String, String> user() {
        return Map.of("AZURE_TENANT_ID", EmulatorConfig.DEFAULT_TENANT_ID, "AZURE_CLIENT_ID", EmulatorConfig.DEFAULT_CLIENT_ID,
                "AZURE_USERNAME", EmulatorConfig.DEFAULT_USERNAME, "AZURE_PASSWORD", EmulatorConfig.DEFAULT_PASSWORD);
    }

    private static Map<String, String> cert(Side side) {
        return Map.of("AZURE_TENANT_ID", EmulatorConfig.DEFAULT_TENANT_ID, "AZURE_CLIENT_ID", EmulatorConfig.DEFAULT_CLIENT_ID,
                "AZURE_CLIENT_CERTIFICATE_PATH", side.certificatePem.toString());
    }

    @SafeVarargs
    private static Map<String, String> merge(Map<String, String>... maps) {
        Map<String, String> out = new HashMap<>();
        for (Map<String, String> m : maps) {
            out.putAll(m);
        }
        return out;
    }

    @Override
    List<Group> groups() {
        return List.of(
                set("secret", s -> secret()),
                set("cert-pem", EnvironmentCredentialDifferentialTest::cert),
                set("cert-pfx", s -> merge(cert(s), Map.of("AZURE_CLIENT_CERTIFICATE_PATH", s.certificatePfx.toString(),
                        "AZURE_CLIENT_CERTIFICATE_PASSWORD", Side.PFX_PASSWORD))),
                set("user", s -> user()),
                set("none", s -> Map.of()),
                set("client-id-only", s -> Map.of("AZURE_CLIENT_ID", EmulatorConfig.DEFAULT_CLIENT_ID)),
                set("no-secret", s -> Map.of("AZURE_TENANT_ID", EmulatorConfig.DEFAULT_TENANT_ID,
                        "AZURE_CLIENT_ID", EmulatorConfig.DEFAULT_CLIENT_ID)),
                set("no-tenant", s -> Map.of("AZURE_CLIENT_ID", EmulatorConfig.DEFAULT_CLIENT_ID,
                        "AZURE_CLIENT_SECRET", EmulatorConfig.DEFAULT_CLIENT_SECRET)),
                set("user-no-password", s -> Map.of("AZURE_TENANT_ID", EmulatorConfig.DEFAULT_TENANT_ID,
                        "AZURE_CLIENT_ID", EmulatorConfig.DEFAULT_CLIENT_ID, "AZURE_USERNAME", EmulatorConfig.DEFAULT_USERNAME)),
                set("user-no-tenant", s -> Map.of("AZURE_CLIENT_ID", EmulatorConfig.DEFAULT_CLIENT_ID,
                        "AZURE_USERNAME", EmulatorConfig.DEFAULT_USERNAME, "AZURE_PASSWORD", EmulatorConfig.DEFAULT_PASSWORD)),
                set("secret-and-cert", s -> merge(cert(s), secret())),
                set("secret-and-user", s -> merge(user(), secret())),
                set("cert-and-user", s -> merge(user(), cert(s))),
                set("wrong-secret", s -> merge(secret(), Map.of("AZURE_CLIENT_SECRET", "not-the-secret"))),
                set("missing-cert-file", s -> merge(cert(s), Map.of("AZURE_CLIENT_CERTIFICATE_PATH",
                        s.dir.resolve("no-such-cert.pem").toString()))));
    }

    @Test
    void secret_standalone() {
        assertSame("secret-env", Difference.NO_PUBLIC_CLOUD_INSTANCE_DISCOVERY, Difference.NO_OIDC_SCOPES_FOR_APP_TOKENS);
    }

    @Test
    void secret_inDefaultChain() {
        assertSame("secret-dac", Difference.NO_OIDC_SCOPES_FOR_APP_TOKENS);
    }

    @Test
    void certPem_standalone() {
        assertSame("cert-pem-env", Difference.NO_PUBLIC_CLOUD_INSTANCE_DISCOVERY, Difference.NO_OIDC_SCOPES_FOR_APP_TOKENS);
    }

    @Test
    void certPem_inDefaultChain() {
        assertSame("cert-pem-dac", Difference.NO_OIDC_SCOPES_FOR_APP_TOKENS);
    }

    @Test
    void certPfx_standalone() {
        assertSame("cert-pfx-env", Difference.NO_PUBLIC_CLOUD_INSTANCE_DISCOVERY, Difference.NO_OIDC_SCOPES_FOR_APP_TOKENS);
    }

    @Test
    void certPfx_inDefaultChain() {
        assertSame("cert-pfx-dac", Difference.NO_OIDC_SCOPES_FOR_APP_TOKENS);
    }

    @Test
    void user_standalone() {
        assertSame("user-env", Difference.NO_PUBLIC_CLOUD_INSTANCE_DISCOVERY, Difference.NO_USER_REALM_DISCOVERY);
    }

    @Test
    void user_inDefaultChain() {
        assertSame("user-dac", Difference.NO_USER_REALM_DISCOVERY);
    }

    @Test
    void none_standalone() {
        assertSame("none-env");
    }

    @Test
    void none_inDefaultChain() {
        assertSame("none-dac", Difference.NO_BROKER_CREDENTIAL_IN_DEFAULT_CHAIN);
    }

    @Test
    void clientIdOnly_standalone() {
        assertSame("client-id-only-env");
    }

    @Test
    void clientIdOnly_inDefaultChain() {
        assertSame("client-id-only-dac", Difference.NO_BROKER_CREDENTIAL_IN_DEFAULT_CHAIN);
    }

    @Test
    void noSecret_standalone() {
        assertSame("no-secret-env");
    }

    @Test
    void noSecret_inDefaultChain() {
        assertSame("no-secret-dac", Difference.NO_BROKER_CREDENTIAL_IN_DEFAULT_CHAIN);
    }

    @Test
    void noTenant_standalone() {
        assertSame("no-tenant-env");
    }

    @Test
    void noTenant_inDefaultChain() {
        assertSame("no-tenant-dac", Difference.NO_BROKER_CREDENTIAL_IN_DEFAULT_CHAIN);
    }

    @Test
    void userNoPassword_standalone() {
        assertSame("user-no-password-env");
    }

    @Test
    void userNoPassword_inDefaultChain() {
        assertSame("user-no-password-dac", Difference.NO_BROKER_CREDENTIAL_IN_DEFAULT_CHAIN);
    }

    @Test
    void userNoTenant_standalone() {
        assertSame("user-no-tenant-env", Difference.NO_PUBLIC_CLOUD_INSTANCE_DISCOVERY, Difference.NO_USER_REALM_DISCOVERY);
    }

    @Test
    void userNoTenant_inDefaultChain() {
        assertSame("user-no-tenant-dac", Difference.NO_USER_REALM_DISCOVERY);
    }

    @Test
    void secretAndCert_standalone() {
        assertSame("secret-and-cert-env", Difference.NO_PUBLIC_CLOUD_INSTANCE_DISCOVERY, Difference.NO_OIDC_SCOPES_FOR_APP_TOKENS);
    }

    @Test
    void secretAndCert_inDefaultChain() {
        assertSame("secret-and-cert-dac", Difference.NO_OIDC_SCOPES_FOR_APP_TOKENS);
    }

    @Test
    void secretAndUser_standalone() {
        assertSame("secret-and-user-env", Difference.NO_PUBLIC_CLOUD_INSTANCE_DISCOVERY, Difference.NO_OIDC_SCOPES_FOR_APP_TOKENS);
    }

    @Test
    void secretAndUser_inDefaultChain() {
        assertSame("secret-and-user-dac", Difference.NO_OIDC_SCOPES_FOR_APP_TOKENS);
    }

    @Test
    void certAndUser_standalone() {
        assertSame("cert-and-user-env", Difference.NO_PUBLIC_CLOUD_INSTANCE_DISCOVERY, Difference.NO_OIDC_SCOPES_FOR_APP_TOKENS);
    }

    @Test
    void certAndUser_inDefaultChain() {
        assertSame("cert-and-user-dac", Difference.NO_OIDC_SCOPES_FOR_APP_TOKENS);
    }

    @Test
    void wrongSecret_standalone() {
        assertSame("wrong-secret-env", Difference.NO_PUBLIC_CLOUD_INSTANCE_DISCOVERY, Difference.NO_OIDC_SCOPES_FOR_APP_TOKENS, Difference.TYPED_FAILURE);
    }

    @Test
    void wrongSecret_inDefaultChain() {
        assertSame("wrong-secret-dac", Difference.NO_OIDC_SCOPES_FOR_APP_TOKENS);
    }

    @Test
    void missingCertFile_standalone() {
        assertSame("missing-cert-file-env", Difference.TYPED_FAILURE);
    }

    @Test
    void missingCertFile_inDefaultChain() {
        assertSame("missing-cert-file-dac");
    }
}
