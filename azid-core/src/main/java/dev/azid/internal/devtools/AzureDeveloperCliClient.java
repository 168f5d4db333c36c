package dev.azid.internal.devtools;

import dev.azid.AccessToken;
import dev.azid.CredentialUnavailableException;
import dev.azid.internal.cache.ResolvedRequest;
import dev.azid.internal.cache.TokenExpiry;
import dev.azid.internal.json.JsonFormatException;
import dev.azid.internal.json.JsonObject;
import dev.azid.internal.oauth2.Scopes;
import dev.azid.internal.process.ProcessResult;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;

/**
 * Runs {@code azd auth token --output json --no-prompt --scope=S... [--tenant-id=T]} (argv only, each
 * value attached with {@code =} so that it cannot be read as an option) and reads its answer.
 */
public final class AzureDeveloperCliClient extends DevToolClient {

    /**
     * Creates the client. Performs no I/O.
     *
     * @param name the credential's name
     * @param settings the settings
     */
    public AzureDeveloperCliClient(String name, DevToolSettings settings) {
        super(name, settings, "azd", name, Scopes.anyValid(name));
    }

    /** Runs the tool for a checked request; never called for a request the refusal rejects. */
    @Override
    public AccessToken fetch(ResolvedRequest request) {
        return run(request.scopes(), request.tenant());
    }

    @Override
    String claimsSignIn(ResolvedRequest request) {
        return "azd auth login" + (request.tenant() == null ? "" : " --tenant-id " + request.tenant());
    }

    private AccessToken run(List<String> scopes, String tenant) {
        ToolArguments args = new ToolArguments(name, "auth", "token").fixed("--output", "json", "--no-prompt");
        for (String scope : scopes) {
            args.option("--scope", scope);
        }
        if (tenant != null) {
            args.option("--tenant-id", tenant);
        }
        // AZD_DEBUG makes azd wait for a debugger; clear it so the child can never hang on it.
        ProcessResult result = DevToolRunner.run(name, settings, List.of("azd"), "the Azure Developer CLI ('azd')",
                "Install the Azure Developer CLI and run 'azd auth login'", args, Map.of("AZD_DEBUG", "false"));
        if (result.exitCode() != 0 && (DevToolRunner.mentions(result, "azd auth login")
                || DevToolRunner.mentions(result, "not logged in"))) {
            throw new CredentialUnavailableException(name + ": the Azure Developer CLI is not signed in. Run 'azd auth login"
                    + (tenant == null ? "" : " --tenant-id " + tenant) + "'.");
        }
        requireSuccess(result, "'azd auth token'", "the command in a terminal");
        try {
            JsonObject json = JsonObject.parse(result.stdout());
            return bearer(json, "token", now -> TokenExpiry.instant("its expiresOn", OffsetDateTime.parse(
                    json.string("expiresOn").orElseThrow(() -> new IllegalStateException("its output has no expiresOn")))
                    .toInstant(), now));
        } catch (JsonFormatException | IllegalStateException | DateTimeParseException e) {
            throw unreadable("'azd auth token'", "its output could not be read (" + (e instanceof DateTimeParseException
                    ? "expiresOn is not an ISO-8601 date" : e.getMessage()) + ")", "the Azure Developer CLI");
        }
    }
}
