package dev.azid.internal.devtools;

import dev.azid.AccessToken;
import dev.azid.CredentialUnavailableException;
import dev.azid.internal.cache.ResolvedRequest;
import dev.azid.internal.cache.TokenExpiry;
import dev.azid.internal.json.JsonFormatException;
import dev.azid.internal.json.JsonObject;
import dev.azid.internal.oauth2.Scopes;
import dev.azid.internal.process.ProcessResult;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;

/**
 * Runs Azure PowerShell's {@code Get-AzAccessToken} through {@code pwsh} (then {@code powershell}
 * on Windows) with {@code -NoProfile -NonInteractive -EncodedCommand}: the script travels as
 * base64 UTF-16LE, so nothing is interpolated by a shell, and the resource and tenant it embeds are
 * checked against safe character sets first. Handles the SecureString token of Az.Accounts 2.17+.
 */
public final class AzurePowerShellClient extends DevToolClient {

    /** Printed by the script when Az.Accounts 2.2.0 or later is not installed. */
    static final String NO_MODULE = "AZID_NO_AZ_ACCOUNTS_MODULE";

    /**
     * Creates the client. Performs no I/O.
     *
     * @param name the credential's name
     * @param settings the settings
     */
    public AzurePowerShellClient(String name, DevToolSettings settings) {
        super(name, settings, "Azure PowerShell", name, Scopes.exactlyOne(name, n -> name + ": Azure PowerShell gets a token for one "
                + "resource at a time, but " + n + " scopes were requested."));
    }

    /** Runs the tool for a checked request; never called for a request the refusal rejects. */
    @Override
    public AccessToken fetch(ResolvedRequest request) {
        return run(Scopes.resource(request.scope()), request.tenant());
    }

    @Override
    String claimsSignIn(ResolvedRequest request) {
        return "Connect-AzAccount" + (request.tenant() == null ? "" : " -Tenant " + request.tenant());
    }

    @Override
    void check(ResolvedRequest request) {
        if (Scopes.resource(request.scope()).isEmpty()) {
            throw new IllegalArgumentException(name + ": scope '" + request.scope() + "' names no resource. Use a scope "
                    + "such as https://management.azure.com/.default.");
        }
    }

    /**
     * The script. Resource and tenant were validated to letters, digits and {@code _ . : / -}, and
     * are embedded as single-quoted literals whatever they hold.
     */
    static String script(String resource, String tenant) {
        return String.join("\n",
                "$ErrorActionPreference = 'Stop'",
                "$m = Get-Module -ListAvailable -Name Az.Accounts | Where-Object { $_.Version -ge [version]'2.2.0' } "
                        + "| Sort-Object Version -Descending | Select-Object -First 1",
                "if (-not $m) { Write-Output '" + NO_MODULE + "'; exit 0 }",
                "Import-Module $m -ErrorAction Stop",
                "$p = @{ ResourceUrl = " + PowerShellLiteral.of(resource) + "; WarningAction = 'Ignore' }",
                tenant == null ? "" : "$p['TenantId'] = " + PowerShellLiteral.of(tenant),
                "if ((Get-Command Get-AzAccessToken).Parameters.ContainsKey('AsSecureString')) { $p['AsSecureString'] = $true }",
                "$t = Get-AzAccessToken @p",
                "$v = $t.Token",
                "if ($v -is [System.Security.SecureString]) { $v = [System.Net.NetworkCredential]::new('', $v).Password }",
                "Write-Output (ConvertTo-Json -Compress @{ Token = $v; ExpiresOn = $t.ExpiresOn.ToUnixTimeSeconds() })");
    }

    private AccessToken run(String resource, String tenant) {
        String encoded = Base64.getEncoder().encodeToString(script(resource, tenant).getBytes(StandardCharsets.UTF_16LE));
        boolean windows = settings.osName().toLowerCase(java.util.Locale.ROOT).startsWith("windows");
        ProcessResult result = DevToolRunner.run(name, settings, windows ? List.of("pwsh", "powershell") : List.of("pwsh"),
                "PowerShell ('pwsh')", "Install PowerShell and the Az module, then run Connect-AzAccount",
                new ToolArguments(name, "-NoProfile", "-NonInteractive").fixed("-EncodedCommand")
                        .value("-EncodedCommand", encoded), Map.of());
        if (result.stdout().contains(NO_MODULE)) {
            throw new CredentialUnavailableException(name + ": the Az.Accounts module (2.2.0 or later) is not installed. "
                    + "Run 'Install-Module -Name Az -Scope CurrentUser', then Connect-AzAccount.");
        }
        if (DevToolRunner.mentions(result, "Connect-AzAccount")) {
            throw new CredentialUnavailableException(name + ": Azure PowerShell is not signed in. Run Connect-AzAccount"
                    + (tenant == null ? "" : " -Tenant " + tenant) + ".");
        }
        requireSuccess(result, "Get-AzAccessToken", "Get-AzAccessToken in PowerShell");
        try {
            JsonObject json = JsonObject.parse(lastLine(result.stdout()));
            return bearer(json, "Token", now -> TokenExpiry.epoch("its ExpiresOn", TokenExpiry.seconds(json, "ExpiresOn")
                    .orElseThrow(() -> new IllegalStateException("its output has no ExpiresOn")), now));
        } catch (JsonFormatException | IllegalStateException e) {
            throw unreadable("Get-AzAccessToken", "its output could not be read (" + e.getMessage() + ")",
                    "the Az.Accounts module");
        }
    }

    private static String lastLine(String stdout) {
        String[] lines = stdout.strip().split("\r?\n");
        return lines[lines.length - 1].trim();
    }
}
