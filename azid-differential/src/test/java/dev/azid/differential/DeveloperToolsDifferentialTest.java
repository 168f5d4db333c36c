package dev.azid.differential;

import static dev.azid.differential.Probe.Subject.AZURE_CLI;
import static dev.azid.differential.Probe.Subject.AZURE_DEVELOPER_CLI;
import static dev.azid.differential.Probe.Subject.AZURE_POWERSHELL;
import static dev.azid.differential.Probe.Subject.DEFAULT;
import static dev.azid.differential.Probe.ToolMode.ABSENT;
import static dev.azid.differential.Probe.ToolMode.FAILING;
import static dev.azid.differential.Probe.ToolMode.HANGING;
import static dev.azid.differential.Probe.ToolMode.NOT_LOGGED_IN;
import static dev.azid.differential.Probe.ToolMode.OK;

import dev.azid.differential.Probe.Subject;
import dev.azid.differential.Probe.ToolMode;
import dev.azid.emulator.EmulatorConfig;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The Azure CLI, the Azure Developer CLI and Azure PowerShell (fake scripts on a {@code PATH} of their own)
 * absent, signed out, failing and hanging, each standalone and inside DefaultAzureCredential (no environment
 * credential, IMDS refused), with the tenant passed from the builder and from {@code AZURE_TENANT_ID}.
 */
class DeveloperToolsDifferentialTest extends DifferentialSuite {

    private static final String ARM = EnvironmentCredentialDifferentialTest.ARM;

    private static Probe tool(String id, Subject subject, ToolMode mode) {
        String name = switch (subject) {
            case AZURE_CLI -> "az";
            case AZURE_DEVELOPER_CLI -> "azd";
            default -> "pwsh";
        };
        return Probe.of(id, subject, ARM).with("processTimeout", "2").with(name, mode.name());
    }

    private static Probe chain(String id, ToolMode az, ToolMode pwsh, ToolMode azd) {
        return Probe.of(id, DEFAULT, ARM).with("processTimeout", "2").tools(az, azd, pwsh);
    }

    @Override
    List<Group> groups() {
        return List.of(
                Group.of("az", side -> Map.of(),
                        tool("az-ok", AZURE_CLI, OK), tool("az-not-logged-in", AZURE_CLI, NOT_LOGGED_IN),
                        tool("az-failing", AZURE_CLI, FAILING), tool("az-hanging", AZURE_CLI, HANGING),
                        tool("az-absent", AZURE_CLI, ABSENT),
                        tool("az-tenant", AZURE_CLI, OK).with("tenantId", Side.OTHER_TENANT)),
                Group.of("azd", side -> Map.of(),
                        tool("azd-ok", AZURE_DEVELOPER_CLI, OK), tool("azd-not-logged-in", AZURE_DEVELOPER_CLI, NOT_LOGGED_IN),
                        tool("azd-failing", AZURE_DEVELOPER_CLI, FAILING), tool("azd-hanging", AZURE_DEVELOPER_CLI, HANGING),
                        tool("azd-absent", AZURE_DEVELOPER_CLI, ABSENT),
                        tool("azd-tenant", AZURE_DEVELOPER_CLI, OK).with("tenantId", Side.OTHER_TENANT)),
                Group.of("pwsh", side -> Map.of(),
                        tool("pwsh-ok", AZURE_POWERSHELL, OK), tool("pwsh-not-logged-in", AZURE_POWERSHELL, NOT_LOGGED_IN),
                        tool("pwsh-failing", AZURE_POWERSHELL, FAILING), tool("pwsh-absent", AZURE_POWERSHELL, ABSENT),
                        tool("pwsh-tenant", AZURE_POWERSHELL, OK).with("tenantId", Side.OTHER_TENANT)),
                Group.of("chain", side -> Map.of(),
                        chain("dac-az-ok", OK, OK, OK),
                        chain("dac-az-not-logged-in", NOT_LOGGED_IN, OK, OK),
                        chain("dac-az-absent", ABSENT, OK, OK),
                        chain("dac-all-not-logged-in", NOT_LOGGED_IN, NOT_LOGGED_IN, NOT_LOGGED_IN),
                        chain("dac-all-absent", ABSENT, ABSENT, ABSENT),
                        chain("dac-only-azd", ABSENT, ABSENT, OK),
                        chain("dac-tenant-builder", OK, OK, OK).with("tenantId", Side.OTHER_TENANT)),
                Group.of("chain-failing", side -> Map.of(),
                        chain("dac-az-failing", FAILING, OK, OK),
                        chain("dac-pwsh-failing", NOT_LOGGED_IN, FAILING, OK),
                        chain("dac-az-hanging", HANGING, OK, OK)),
                Group.of("chain-tenant-env", side -> Map.of("AZURE_TENANT_ID", EmulatorConfig.DEFAULT_TENANT_ID),
                        chain("dac-tenant-env", OK, OK, OK)));
    }

    @Test
    void azureCli_signedIn_returnsItsToken() {
        assertSame("az-ok", Difference.AZ_SCOPE_ARGUMENT);
    }

    @Test
    void azureCli_notLoggedIn_isUnavailable() {
        assertSame("az-not-logged-in", Difference.AZ_SCOPE_ARGUMENT);
    }

    @Test
    void azureCli_failing_fails() {
        assertSame("az-failing", Difference.AZ_SCOPE_ARGUMENT);
    }

    @Test
    void azureCli_hanging_timesOut() {
        assertSame("az-hanging", Difference.AZ_SCOPE_ARGUMENT, Difference.TOOL_TIMEOUT_IS_UNAVAILABLE);
    }

    @Test
    void azureCli_absent_isUnavailable() {
        assertSame("az-absent");
    }

    @Test
    void azureCli_tenant_isPassed() {
        assertSame("az-tenant", Difference.AZ_SCOPE_ARGUMENT);
    }

    @Test
    void azd_signedIn_returnsItsToken() {
        assertSame("azd-ok");
    }

    @Test
    void azd_notLoggedIn_isUnavailable() {
        assertSame("azd-not-logged-in");
    }

    @Test
    void azd_failing_fails() {
        assertSame("azd-failing");
    }

    @Test
    void azd_hanging_timesOut() {
        assertSame("azd-hanging", Difference.TOOL_TIMEOUT_IS_UNAVAILABLE);
    }

    @Test
    void azd_absent_isUnavailable() {
        assertSame("azd-absent");
    }

    @Test
    void azd_tenant_isPassed() {
        assertSame("azd-tenant");
    }

    @Test
    void powerShell_signedIn_returnsItsToken() {
        assertSame("pwsh-ok");
    }

    @Test
    void powerShell_notLoggedIn_isUnavailable() {
        assertSame("pwsh-not-logged-in");
    }

    @Test
    void powerShell_failing_isUnavailable() {
        assertSame("pwsh-failing", Difference.POWERSHELL_ERROR_FAILS_STANDALONE);
    }

    @Test
    void powerShell_absent_isUnavailable() {
        assertSame("pwsh-absent");
    }

    @Test
    void powerShell_tenant_isPassed() {
        assertSame("pwsh-tenant");
    }

    @Test
    void defaultChain_azureCliSignedIn_answers() {
        assertSame("dac-az-ok", Difference.AZ_SCOPE_ARGUMENT);
    }

    @Test
    void defaultChain_azureCliSignedOut_movesOnToPowerShell() {
        assertSame("dac-az-not-logged-in", Difference.AZ_SCOPE_ARGUMENT);
    }

    @Test
    void defaultChain_azureCliAbsent_movesOnToPowerShell() {
        assertSame("dac-az-absent");
    }

    @Test
    void defaultChain_everyToolSignedOut_isUnavailableListingTheChain() {
        assertSame("dac-all-not-logged-in", Difference.NO_BROKER_CREDENTIAL_IN_DEFAULT_CHAIN, Difference.AZ_SCOPE_ARGUMENT);
    }

    @Test
    void defaultChain_noTool_isUnavailableListingTheChain() {
        assertSame("dac-all-absent", Difference.NO_BROKER_CREDENTIAL_IN_DEFAULT_CHAIN);
    }

    @Test
    void defaultChain_onlyAzd_azdAnswers() {
        assertSame("dac-only-azd");
    }

    @Test
    void defaultChain_builderTenant_isPassedToTheTool() {
        assertSame("dac-tenant-builder", Difference.AZ_SCOPE_ARGUMENT);
    }

    @Test
    void defaultChain_azureCliFailing_movesOn() {
        assertSame("dac-az-failing", Difference.AZ_SCOPE_ARGUMENT);
    }

    @Test
    void defaultChain_powerShellFailing_movesOn() {
        assertSame("dac-pwsh-failing", Difference.AZ_SCOPE_ARGUMENT);
    }

    @Test
    void defaultChain_azureCliHanging_movesOn() {
        assertSame("dac-az-hanging", Difference.AZ_SCOPE_ARGUMENT);
    }

    @Test
    void defaultChain_tenantFromEnvironment_isPassedToTheTool() {
        assertSame("dac-tenant-env", Difference.AZ_SCOPE_ARGUMENT);
    }
}
