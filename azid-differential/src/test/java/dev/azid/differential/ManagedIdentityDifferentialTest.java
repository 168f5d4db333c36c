package dev.azid.differential;

import static dev.azid.differential.Probe.Subject.DEFAULT;
import static dev.azid.differential.Probe.Subject.MANAGED_IDENTITY;
import static dev.azid.differential.Probe.Subject.WORKLOAD_IDENTITY;

import dev.azid.emulator.EmulatorConfig;
import dev.azid.emulator.EmulatorEndpoints;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Managed identity, its source chosen by the environment as on each Azure host: IMDS, App Service, legacy
 * MSI, Cloud Shell, Azure Arc, Service Fabric, and token exchange (workload identity); system- and
 * user-assigned, standalone and in DefaultAzureCredential; and no source at all.
 */
class ManagedIdentityDifferentialTest extends DifferentialSuite {

    private static final String ARM = EnvironmentCredentialDifferentialTest.ARM;
    private static final String STORAGE = "https://storage.azure.com/.default";
    private static final String GRAPH = "https://graph.microsoft.com/.default";
    private static final String USER_MI = "0a5e0000-0000-4000-8000-0000000005e1";

    private static Group source(String name, java.util.function.Function<EmulatorEndpoints, Map<String, String>> env) {
        return Group.of(name, side -> env.apply(side.emulator.endpoints()),
                // A scope each: MSAL keeps managed identity tokens in a cache shared by the whole JVM.
                Probe.of(name + "-system", MANAGED_IDENTITY, ARM),
                Probe.of(name + "-user", MANAGED_IDENTITY, STORAGE).with("miClientId", USER_MI),
                Probe.of(name + "-dac", DEFAULT, GRAPH));
    }

    @Override
    List<Group> groups() {
        return List.of(
                source("imds", e -> Map.of("AZURE_POD_IDENTITY_AUTHORITY_HOST", e.imdsEndpoint().toString())),
                source("app-service", e -> Map.of("IDENTITY_ENDPOINT", e.appServiceEndpoint().toString(),
                        "IDENTITY_HEADER", e.identityHeader())),
                source("legacy-msi", e -> Map.of("MSI_ENDPOINT", e.legacyMsiEndpoint().toString(), "MSI_SECRET", e.identityHeader())),
                source("cloud-shell", e -> Map.of("MSI_ENDPOINT", e.cloudShellEndpoint().toString())),
                source("arc", e -> Map.of("IDENTITY_ENDPOINT", e.arcIdentityEndpoint().toString(),
                        "IMDS_ENDPOINT", e.imdsEndpoint().toString())),
                source("service-fabric", e -> Map.of("IDENTITY_ENDPOINT", e.serviceFabricEndpoint().toString(),
                        "IDENTITY_HEADER", e.identityHeader(), "IDENTITY_SERVER_THUMBPRINT", e.serviceFabricThumbprint())),
                source("none", e -> Map.of()),
                Group.of("workload", side -> Map.of("AZURE_FEDERATED_TOKEN_FILE", side.federatedTokenFile.toString(),
                                "AZURE_CLIENT_ID", EmulatorConfig.DEFAULT_CLIENT_ID, "AZURE_TENANT_ID", EmulatorConfig.DEFAULT_TENANT_ID,
                                "AZURE_AUTHORITY_HOST", side.authorityHost()),
                        Probe.of("workload-standalone", WORKLOAD_IDENTITY, ARM),
                        Probe.of("workload-managed-identity", MANAGED_IDENTITY, STORAGE),
                        Probe.of("workload-dac", DEFAULT, GRAPH)));
    }

    @Test
    void imds_systemAssigned() {
        assertSame("imds-system");
    }

    @Test
    void imds_userAssigned() {
        assertSame("imds-user");
    }

    @Test
    void imds_inDefaultChain() {
        assertSame("imds-dac", Difference.IMDS_PROBE_WITHOUT_QUERY);
    }

    @Test
    void appService_systemAssigned() {
        assertSame("app-service-system");
    }

    @Test
    void appService_userAssigned() {
        assertSame("app-service-user");
    }

    @Test
    void appService_inDefaultChain() {
        assertSame("app-service-dac");
    }

    @Test
    void legacyMsi_systemAssigned() {
        assertSame("legacy-msi-system", Difference.LEGACY_APP_SERVICE_MSI);
    }

    @Test
    void legacyMsi_userAssigned() {
        assertSame("legacy-msi-user", Difference.LEGACY_APP_SERVICE_MSI);
    }

    @Test
    void legacyMsi_inDefaultChain() {
        assertSame("legacy-msi-dac", Difference.LEGACY_APP_SERVICE_MSI);
    }

    @Test
    void cloudShell_systemAssigned() {
        assertSame("cloud-shell-system", Difference.CLOUD_SHELL_POST_FORM);
    }

    @Test
    void cloudShell_userAssigned() {
        assertSame("cloud-shell-user");
    }

    @Test
    void cloudShell_inDefaultChain() {
        assertSame("cloud-shell-dac", Difference.CLOUD_SHELL_POST_FORM);
    }

    @Test
    void arc_systemAssigned() {
        assertSame("arc-system");
    }

    @Test
    void arc_userAssigned() {
        assertSame("arc-user", Difference.ARC_USER_ASSIGNED_REFUSED_BEFORE_ANY_REQUEST);
    }

    @Test
    void arc_inDefaultChain() {
        assertSame("arc-dac");
    }

    @Test
    void serviceFabric_systemAssigned() {
        assertSame("service-fabric-system");
    }

    @Test
    void serviceFabric_userAssigned() {
        assertSame("service-fabric-user");
    }

    @Test
    void serviceFabric_inDefaultChain() {
        assertSame("service-fabric-dac");
    }

    @Test
    void noSource_systemAssigned() {
        assertSame("none-system", Difference.NO_ENDPOINT_IS_UNAVAILABLE);
    }

    @Test
    void noSource_userAssigned() {
        assertSame("none-user", Difference.NO_ENDPOINT_IS_UNAVAILABLE);
    }

    @Test
    void noSource_inDefaultChain() {
        assertSame("none-dac", Difference.NO_BROKER_CREDENTIAL_IN_DEFAULT_CHAIN);
    }

    @Test
    void workloadIdentity_standalone() {
        assertSame("workload-standalone", Difference.NO_PUBLIC_CLOUD_INSTANCE_DISCOVERY, Difference.NO_OIDC_SCOPES_FOR_APP_TOKENS);
    }

    @Test
    void workloadIdentity_throughManagedIdentityCredential() {
        assertSame("workload-managed-identity");
    }

    @Test
    void workloadIdentity_inDefaultChain() {
        assertSame("workload-dac", Difference.NO_OIDC_SCOPES_FOR_APP_TOKENS);
    }
}
