package dev.azid.cli;

import dev.azid.CredentialOptions;
import dev.azid.AccessToken;
import dev.azid.AzureCloud;
import dev.azid.CloudDiscovery;
import dev.azid.DefaultAzureCredential;
import dev.azid.TokenRequestContext;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code azid whoami}: which credential DefaultAzureCredential uses, and who the token says you are. */
@Command(name = "whoami", mixinStandardHelpOptions = true,
        description = "Show which credential DefaultAzureCredential picks and the token's non-secret claims.")
final class WhoamiCommand implements Callable<Integer> {

    private static final List<String> CLAIMS = List.of("tid", "oid", "appid", "azp", "upn", "preferred_username", "unique_name",
            "idtyp", "aud", "iss");

    @Option(names = "--scope", description = "The scope (default: the cloud's Azure Resource Manager scope).")
    String scope;

    @Option(names = "--output", defaultValue = "table", description = "table (default) or json.")
    String output;

    @Mixin
    CaFileOption caFile = new CaFileOption();

    private final CliContext context;

    WhoamiCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        if (!output.equals("table") && !output.equals("json")) {
            throw new IllegalArgumentException("--output must be table or json, not '" + output + "'");
        }
        var transport = caFile.transport(context);
        AzureCloud cloud = AzureCloud.fromEnvironment(context.environment(),
                CloudDiscovery.builder().httpTransport(transport).build());
        DefaultAzureCredential dac = DefaultAzureCredential.builder().options(CredentialOptions.builder().environment(context.environment()).httpTransport(transport).build()).build();
        AccessToken token = dac.getToken(TokenRequestContext.of(scope != null ? scope : cloud.resourceManagerScope()));
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("credential", dac.selectedCredential().map(c -> c.getClass().getSimpleName()).orElse("?"));
        out.put("expiresOn", token.expiresAt().toString());
        Map<String, Object> claims = payload(token.token());
        for (String c : CLAIMS) {
            if (claims.containsKey(c)) {
                out.put(c, claims.get(c));
            }
        }
        if (output.equals("json")) {
            context.out().println(CliJson.write(out));
        } else {
            out.forEach((k, v) -> context.out().printf("%-12s %s%n", k, v));
        }
        return AzidMain.OK;
    }

    /** The token's payload when it is a JWT; empty for opaque tokens. */
    private static Map<String, Object> payload(String token) {
        String[] parts = token.split("\\.");
        if (parts.length != 3) {
            return Map.of();
        }
        try {
            return CliJson.parse(Base64.getUrlDecoder().decode(parts[1]));
        } catch (IllegalArgumentException e) {
            return Map.of();
        }
    }
}
