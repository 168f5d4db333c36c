package dev.azid.cli;

import dev.azid.CredentialOptions;
import dev.azid.AccessToken;
import dev.azid.CredentialException;
import dev.azid.Environment;
import dev.azid.EnvironmentCredential;
import dev.azid.TokenRequestContext;
import dev.azid.emulator.EmulatorConfig;
import dev.azid.emulator.EntraEmulator;
import dev.azid.http.HttpRequest;
import dev.azid.http.HttpResponse;
import dev.azid.http.HttpTransport;
import java.io.PrintWriter;
import java.net.URI;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/**
 * {@code azid demo}: starts the embedded emulator, authenticates with {@code EnvironmentCredential}
 * configured through an in-memory environment (the process environment is never touched), calls
 * the emulator's ARM endpoint with the token, and explains each step.
 */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = "Get a token from the embedded Entra ID emulator and call its ARM endpoint with it.")
final class DemoCommand implements Callable<Integer> {

    private static final List<String> SHOWN_CLAIMS = List.of("aud", "iss", "tid", "appid", "azp", "oid", "idtyp", "ver", "roles");

    private final CliContext context;

    DemoCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() throws Exception {
        PrintWriter out = context.out();
        out.println("azid demo: getting a token from a local Microsoft Entra ID emulator");
        try (EntraEmulator emulator = EntraEmulator.builder().start()) {
            out.println("  1. Started the emulator at " + emulator.authorityHost() + " (CA certificate "
                    + emulator.endpoints().caCertificate() + ")");
            Environment env = Environment.of(Map.of(
                    "AZURE_TENANT_ID", EmulatorConfig.DEFAULT_TENANT_ID,
                    "AZURE_CLIENT_ID", EmulatorConfig.DEFAULT_CLIENT_ID,
                    "AZURE_CLIENT_SECRET", EmulatorConfig.DEFAULT_CLIENT_SECRET,
                    "AZURE_AUTHORITY_HOST", emulator.authorityHost().toString()));
            HttpTransport transport = context.transports().apply(emulator.sslContext());
            EnvironmentCredential credential = EnvironmentCredential.builder().options(CredentialOptions.builder().environment(env).httpTransport(transport).build()).build();
            out.println("  2. Credential: " + EnvironmentCredential.NAME + " (" + credential.configuration() + ") for tenant "
                    + EmulatorConfig.DEFAULT_TENANT_ID + ", client " + EmulatorConfig.DEFAULT_CLIENT_ID);
            out.println("     Cloud: custom, authority " + emulator.authorityHost() + ", ARM " + emulator.endpoints().armEndpoint());
            TokenRequestContext request = TokenRequestContext.of(emulator.endpoints().armEndpoint() + ".default");
            long t0 = System.nanoTime();
            AccessToken token = step(3, "get a token", () -> credential.getToken(request));
            long ms = (System.nanoTime() - t0) / 1_000_000;
            out.println("  3. Got a " + token.tokenType() + " token in " + ms + " ms; it expires " + token.expiresAt()
                    + " (in " + Duration.between(context.clock().instant(), token.expiresAt()).toMinutes()
                    + " min), refresh from " + token.refreshAt());
            out.println("     Claims: " + claims(token.token()) + "  (decoded payload; the token itself is not shown)");
            HttpResponse response = step(4, "call ARM", () -> transport.send(HttpRequest.get(
                    URI.create(emulator.endpoints().armEndpoint() + "subscriptions?api-version=2022-12-01"),
                    Map.of("Authorization", "Bearer " + token.token(), "Accept", "application/json"), Duration.ofSeconds(10))));
            if (response.statusCode() != 200) {
                context.err().println("azid demo: step 4 failed: GET /subscriptions answered HTTP " + response.statusCode());
                return AzidMain.FAILED;
            }
            List<?> subscriptions = (List<?>) CliJson.parse(response.body()).get("value");
            out.println("  4. Called GET " + emulator.endpoints().armEndpoint() + "subscriptions: HTTP 200, " + subscriptions.size()
                    + " subscriptions");
            for (Object o : subscriptions) {
                Map<?, ?> s = (Map<?, ?>) o;
                out.println("       " + s.get("subscriptionId") + "  " + s.get("displayName") + "  " + s.get("state"));
            }
            long t1 = System.nanoTime();
            AccessToken again = credential.getToken(request);
            long micros = (System.nanoTime() - t1) / 1_000;
            boolean same = again.token().equals(token.token());
            out.println("  5. Second getToken served from the cache in " + micros + " µs (same token: " + (same ? "yes" : "no") + ")");
            if (!same) {
                context.err().println("azid demo: step 5 failed: the second call did not come from the cache");
                return AzidMain.FAILED;
            }
            out.println("Done: every step worked.");
            return AzidMain.OK;
        }
    }

    private static String claims(String jwt) {
        String[] parts = jwt.split("\\.");
        Map<String, Object> payload = CliJson.parse(Base64.getUrlDecoder().decode(parts[1]));
        StringBuilder sb = new StringBuilder();
        for (String name : SHOWN_CLAIMS) {
            if (payload.containsKey(name)) {
                if (sb.length() > 0) {
                    sb.append(", ");
                }
                sb.append(name).append('=').append(payload.get(name));
            }
        }
        return sb.toString();
    }

    /** Runs a step; a credential failure names the step and keeps its exception type (for the exit code). */
    private <T> T step(int n, String what, Step<T> step) throws Exception {
        try {
            return step.run();
        } catch (CredentialException e) {
            context.err().println("azid demo: step " + n + " (" + what + ") failed.");
            throw e;
        }
    }

    @FunctionalInterface
    private interface Step<T> {
        T run() throws Exception;
    }
}
