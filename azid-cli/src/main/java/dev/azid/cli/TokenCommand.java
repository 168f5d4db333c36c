package dev.azid.cli;

import dev.azid.CredentialOptions;
import dev.azid.AccessToken;
import dev.azid.AzureCliCredential;
import dev.azid.DefaultAzureCredential;
import dev.azid.EnvironmentCredential;
import dev.azid.ManagedIdentityCredential;
import dev.azid.TokenCredential;
import dev.azid.WorkloadIdentityCredential;
import dev.azid.http.HttpTransport;
import dev.azid.TokenRequestContext;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code azid token}: prints a token the way {@code az account get-access-token} does. */
@Command(name = "token", mixinStandardHelpOptions = true,
        description = "Get an access token, by default with EnvironmentCredential (AZURE_TENANT_ID, AZURE_CLIENT_ID, "
                + "AZURE_CLIENT_SECRET or AZURE_CLIENT_CERTIFICATE_PATH, AZURE_AUTHORITY_HOST); see --credential.")
final class TokenCommand implements Callable<Integer> {

    private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSSSSS");

    @Option(names = "--scope", description = "A scope, e.g. https://management.azure.com/.default (repeatable).")
    List<String> scopes = new ArrayList<>();

    @Option(names = "--resource", description = "A resource; same as --scope RESOURCE/.default.")
    String resource;

    @Option(names = "--tenant", description = "The tenant to get the token from.")
    String tenant;

    @Option(names = "--output", defaultValue = "json", description = "json (default) or tsv.")
    String output;

    @Mixin
    CaFileOption caFile = new CaFileOption();

    @Option(names = "--credential", defaultValue = "environment",
            description = "environment (default), managed-identity, workload-identity, azure-cli, or default "
                    + "(DefaultAzureCredential).")
    String credentialName;

    @Option(names = "--client-id", description = "With managed-identity: a user-assigned identity's client id.")
    String clientId;

    private final CliContext context;

    TokenCommand(CliContext context) {
        this.context = context;
    }

    private TokenCredential credential(HttpTransport transport) {
        CredentialOptions options = CredentialOptions.builder().environment(context.environment()).httpTransport(transport)
                .build();
        return switch (credentialName) {
            case "environment" -> EnvironmentCredential.builder().options(options).build();
            case "managed-identity" -> ManagedIdentityCredential.builder().options(options).clientId(clientId).build();
            case "workload-identity" -> WorkloadIdentityCredential.builder().options(options).build();
            case "azure-cli" -> AzureCliCredential.builder().options(options).build();
            case "default" -> DefaultAzureCredential.builder().options(options).build();
            default -> throw new IllegalArgumentException("--credential must be environment, managed-identity, "
                    + "workload-identity, azure-cli or default, not '" + credentialName + "'");
        };
    }

    @Override
    public Integer call() throws Exception {
        if (!output.equals("json") && !output.equals("tsv")) {
            throw new IllegalArgumentException("--output must be json or tsv, not '" + output + "'");
        }
        List<String> all = new ArrayList<>(scopes);
        if (resource != null) {
            all.add((resource.endsWith("/") ? resource.substring(0, resource.length() - 1) : resource) + "/.default");
        }
        if (all.isEmpty()) {
            throw new IllegalArgumentException("give --scope (or --resource), e.g. --scope https://management.azure.com/.default");
        }
        TokenCredential credential = credential(caFile.transport(context));
        AccessToken token = credential.getToken(TokenRequestContext.builder().scopes(all).tenantId(tenant).build());
        String tenantShown = tenant != null ? tenant : context.environment().get("AZURE_TENANT_ID").orElse("");
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("accessToken", token.token());
        out.put("expiresOn", LOCAL.format(token.expiresAt().atZone(ZoneId.systemDefault())));
        out.put("expires_on", token.expiresAt().getEpochSecond());
        out.put("tokenType", token.tokenType());
        out.put("tenant", tenantShown);
        if (output.equals("json")) {
            context.out().println(CliJson.write(out));
        } else {
            context.out().println(String.join("\t", out.values().stream().map(String::valueOf).toList()));
        }
        return AzidMain.OK;
    }
}
