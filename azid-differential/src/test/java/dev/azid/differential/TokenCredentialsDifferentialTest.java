package dev.azid.differential;

import static dev.azid.differential.Probe.Subject.DEFAULT;

import dev.azid.differential.Probe.ToolMode;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * {@code AZURE_TOKEN_CREDENTIALS}: every name azure-identity 1.19 accepts ({@code dev}, {@code prod} and each
 * single credential, case-insensitively) and a wrong one, with IMDS served and every developer tool signed in,
 * so that which member answers shows which credentials the value selected.
 */
class TokenCredentialsDifferentialTest extends DifferentialSuite {

    private static Group value(String name, String value) {
        return Group.of(name, side -> Map.of("AZURE_TOKEN_CREDENTIALS", value,
                        "AZURE_POD_IDENTITY_AUTHORITY_HOST", side.emulator.endpoints().imdsEndpoint().toString()),
                Probe.of(name, DEFAULT, EnvironmentCredentialDifferentialTest.ARM).with("processTimeout", "5")
                        .tools(ToolMode.OK, ToolMode.OK, ToolMode.OK));
    }

    @Override
    List<Group> groups() {
        return List.of(value("dev", "dev"), value("prod", "prod"), value("dev-upper", "DEV"),
                value("environment", "EnvironmentCredential"), value("workload", "WorkloadIdentityCredential"),
                value("managed-identity", "ManagedIdentityCredential"), value("intellij", "IntelliJCredential"),
                value("cli", "AzureCliCredential"), value("cli-lower", "azureclicredential"),
                value("powershell", "AzurePowerShellCredential"), value("azd", "AzureDeveloperCliCredential"),
                value("vscode", "VisualStudioCodeCredential"), value("bogus", "NoSuchCredential"));
    }

    @Test
    void dev_selectsDeveloperTools() {
        assertSame("dev", Difference.AZ_SCOPE_ARGUMENT);
    }

    @Test
    void prod_selectsDeploymentCredentials() {
        assertSame("prod", Difference.IMDS_PROBE_WITHOUT_QUERY);
    }

    @Test
    void devUpperCase_isAccepted() {
        assertSame("dev-upper", Difference.AZ_SCOPE_ARGUMENT);
    }

    @Test
    void environmentCredential_alone() {
        assertSame("environment");
    }

    @Test
    void workloadIdentityCredential_alone() {
        assertSame("workload");
    }

    @Test
    void managedIdentityCredential_alone() {
        assertSame("managed-identity");
    }

    @Test
    void intelliJCredential_alone() {
        assertSame("intellij");
    }

    @Test
    void azureCliCredential_alone() {
        assertSame("cli", Difference.AZ_SCOPE_ARGUMENT);
    }

    @Test
    void azureCliCredentialLowerCase_alone() {
        assertSame("cli-lower", Difference.AZ_SCOPE_ARGUMENT);
    }

    @Test
    void azurePowerShellCredential_alone() {
        assertSame("powershell");
    }

    @Test
    void azureDeveloperCliCredential_alone() {
        assertSame("azd");
    }

    @Test
    void visualStudioCodeCredential_alone() {
        assertSame("vscode");
    }

    @Test
    void unknownName_isRejected() {
        assertSame("bogus");
    }
}
