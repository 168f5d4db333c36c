package dev.azid.internal.devtools;

import dev.azid.AccessToken;
import dev.azid.CredentialUnavailableException;
import dev.azid.internal.cache.ResolvedRequest;
import dev.azid.internal.oauth2.Scopes;
import dev.azid.internal.process.ProcessResult;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Runs {@code az account get-access-token --output json --scope=S [--tenant=T] [--subscription=X]}
 * (argv only, each value attached with {@code =} so that it cannot be read as an option) and reads
 * its answer.
 */
public final class AzureCliClient extends DevToolClient {

    private static final Pattern SUBSCRIPTION = Pattern.compile("[0-9a-zA-Z_. -]+");

    private final String subscription;

    /**
     * Creates the client. Performs no I/O.
     *
     * @param name the credential's name
     * @param settings the shared settings
     * @param subscription the subscription to use, or {@code null}
     */
    public AzureCliClient(String name, DevToolSettings settings, String subscription) {
        super(name, settings, "the Azure CLI", name + "|" + subscription, Scopes.exactlyOne(name, n -> name
                + ": the Azure CLI gets a token for one scope at a time, but " + n + " were requested."));
        this.subscription = subscription;
        if (subscription != null && !SUBSCRIPTION.matcher(subscription).matches()) {
            throw new IllegalArgumentException(name + ": subscription has characters that are not allowed; only "
                    + "letters, digits, '_', '-', '.' and spaces are. Use the subscription's id or name.");
        }
        if (subscription != null && (subscription.isBlank() || !subscription.strip().equals(subscription)
                || subscription.startsWith("-"))) {
            throw new IllegalArgumentException(name + ": subscription is blank, has leading or trailing spaces, or starts "
                    + "with '-', which the Azure CLI could read as an option. Use the subscription's id or name.");
        }
    }

    /** Runs the tool for a checked request; never called for a request the refusal rejects. */
    @Override
    public AccessToken fetch(ResolvedRequest request) {
        return run(request.scope(), request.tenant());
    }

    @Override
    String claimsSignIn(ResolvedRequest request) {
        return "az login" + (request.tenant() == null ? "" : " --tenant " + request.tenant()) + " --scope "
                + request.scope() + " --claims-challenge "
                + Base64.getEncoder().encodeToString(request.claims().getBytes(StandardCharsets.UTF_8));
    }

    private AccessToken run(String scope, String tenant) {
        ToolArguments args = new ToolArguments(name, "account", "get-access-token").fixed("--output", "json")
                .option("--scope", scope);
        if (tenant != null) {
            args.option("--tenant", tenant);
        }
        if (subscription != null) {
            args.option("--subscription", subscription);
        }
        ProcessResult result = DevToolRunner.run(name, settings, List.of("az"), "the Azure CLI ('az')",
                "Install the Azure CLI and run 'az login'", args,
                Map.of("AZURE_CORE_NO_COLOR", "true", "AZURE_CORE_ONLY_SHOW_ERRORS", "true"));
        // The CLI suggests 'az login' after many errors; an Entra error code means it is signed in but was refused.
        if (result.exitCode() != 0 && !DevToolRunner.mentions(result, "AADSTS") && (DevToolRunner.mentions(result, "az login")
                || DevToolRunner.mentions(result, "az account set"))) {
            throw new CredentialUnavailableException(name + ": the Azure CLI is not signed in" + (tenant == null ? ""
                    : " to tenant " + tenant) + ". Run 'az login" + (tenant == null ? "" : " --tenant " + tenant)
                    + "' to set up an account.");
        }
        requireSuccess(result, "'az account get-access-token'", "the command in a terminal");
        try {
            return AzureCliOutput.parse(result.stdout(), settings.clock().instant(), settings.localZone());
        } catch (IllegalStateException e) {
            throw unreadable("'az account get-access-token'", e.getMessage(), "the Azure CLI");
        }
    }

    @Override
    public String toString() {
        return name + "[tenant=" + settings.tenantId() + ", subscription=" + subscription + "]";
    }
}
