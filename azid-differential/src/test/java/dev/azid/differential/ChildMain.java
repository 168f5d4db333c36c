package dev.azid.differential;

import com.azure.core.credential.AccessToken;
import com.azure.core.credential.TokenCredential;
import com.azure.core.credential.TokenRequestContext;
import com.azure.core.exception.ClientAuthenticationException;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The child JVM of one side and one group: its process environment is the group's (libraries read the
 * real environment, which tests never change in their own JVM). Runs each probe of the plan file in
 * order and prints one {@code RESULT} line per request. Before each probe it sends
 * {@code GET /__probe/<id>} to the emulator, so the parent can split the emulator's request log by probe.
 */
public final class ChildMain {

    private ChildMain() {
    }

    /**
     * Entry point.
     *
     * @param args side ({@code reference} or {@code azid}), plan file, emulator base URL (plain HTTP), fake tool directory
     * @throws IOException if the plan cannot be read
     * @throws InterruptedException if interrupted
     */
    public static void main(String[] args) throws IOException, InterruptedException {
        CredentialFactory factory = CredentialFactory.forSide(args[0]);
        List<String> plan = Files.readAllLines(Path.of(args[1]), StandardCharsets.UTF_8);
        URI emulator = URI.create(args[2]);
        FakeTools tools = new FakeTools(Path.of(args[3]));
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        for (String line : plan) {
            Probe probe = Probe.decode(line);
            tools.apply(probe);
            http.send(HttpRequest.newBuilder(emulator.resolve("/__probe/" + probe.id())).timeout(Duration.ofSeconds(5)).build(),
                    HttpResponse.BodyHandlers.discarding());
            run(factory, probe);
        }
        System.out.flush();
        System.exit(0);
    }

    private static void run(CredentialFactory factory, Probe probe) {
        TokenCredential credential;
        try {
            credential = factory.build(probe);
        } catch (RuntimeException e) {
            print(probe, 0, "BUILD", e, null);
            return;
        }
        for (int i = 0; i < probe.requests().size(); i++) {
            Probe.Request r = probe.requests().get(i);
            TokenRequestContext context = new TokenRequestContext().addScopes(r.scope()).setTenantId(r.tenantId())
                    .setClaims(r.claims()).setCaeEnabled(r.cae());
            try {
                AccessToken token = credential.getTokenSync(context);
                print(probe, i, "GET_TOKEN", null, token);
            } catch (RuntimeException e) {
                print(probe, i, "GET_TOKEN", e, null);
            }
        }
    }

    private static void print(Probe probe, int step, String phase, RuntimeException error, AccessToken token) {
        Map<String, String> out = new LinkedHashMap<>();
        out.put("id", probe.id());
        out.put("step", Integer.toString(step));
        out.put("phase", phase);
        if (token != null) {
            out.put("status", "TOKEN");
            String value = token.getToken();
            out.put("label", value.startsWith("fake-") ? value.substring(0, value.indexOf("-token")) : "emulator");
        } else {
            out.put("status", classify(error));
            out.put("type", error.getClass().getName());
            String message = String.valueOf(error.getMessage());
            out.put("message", message.length() > 1500 ? message.substring(0, 1500) : message);
        }
        System.out.println("RESULT " + out.entrySet().stream().map(e -> Probe.enc(e.getKey()) + "=" + Probe.enc(e.getValue()))
                .collect(Collectors.joining("&")));
    }

    /**
     * The two failure kinds of both libraries; azid's adapter wraps its exceptions in a
     * {@link ClientAuthenticationException}, so its cause is the one that says which kind.
     */
    static String classify(RuntimeException e) {
        Throwable t = e instanceof ClientAuthenticationException && e.getCause() instanceof dev.azid.CredentialException
                ? e.getCause() : e;
        if (t instanceof com.azure.identity.CredentialUnavailableException || t instanceof dev.azid.CredentialUnavailableException
                || t.getClass().getSimpleName().equals("CredentialUnavailableException")) {
            return "UNAVAILABLE";
        }
        if (t instanceof ClientAuthenticationException || t instanceof dev.azid.AuthenticationFailedException) {
            return "FAILED";
        }
        if (t instanceof IllegalArgumentException || t instanceof IllegalStateException) {
            return "CONFIG";
        }
        return "ERROR";
    }

}
