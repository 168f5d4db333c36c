package dev.azid.emulator.internal;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import dev.azid.emulator.Faults;
import dev.azid.emulator.RecordedRequest;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * Routes every request to its handler, after logging it (masked) and applying any injected fault;
 * turns {@link Problem}s into Entra error answers and echoes {@code client-request-id}.
 */
public final class Dispatcher implements HttpHandler {

    private static final Set<String> SECRET_FIELDS = Set.of("client_secret", "client_assertion", "password",
            "refresh_token", "assertion", "code", "code_verifier", "device_code");
    private static final Set<String> SECRET_HEADERS = Set.of("authorization", "x-identity-header", "secret");

    private final EmulatorState state;
    private final String baseUrl;
    private final boolean https;
    private final Supplier<List<String>> baseUrls;
    private final TokenHandler token;
    private final DiscoveryHandler discovery;
    private final ArmHandler arm;
    private final KeyVaultHandler keyVault;
    private final MetadataHandler metadata = new MetadataHandler();
    private final ManagedIdentityHandler managedIdentity;
    private final CiTokenHandler ci;
    private final SignInHandler signIn;

    /**
     * Creates the dispatcher of one listener.
     *
     * @param state the shared state
     * @param baseUrl this listener's base URL
     * @param https whether it is the HTTPS listener
     * @param baseUrls every listener's base URL
     */
    public Dispatcher(EmulatorState state, String baseUrl, boolean https, Supplier<List<String>> baseUrls,
            java.nio.file.Path arcKeyDirectory) {
        this.state = state;
        this.baseUrl = baseUrl;
        this.https = https;
        this.baseUrls = baseUrls;
        this.token = new TokenHandler(state);
        this.discovery = new DiscoveryHandler(state);
        this.arm = new ArmHandler(state);
        this.keyVault = new KeyVaultHandler(state);
        this.managedIdentity = new ManagedIdentityHandler(state, arcKeyDirectory);
        this.ci = new CiTokenHandler(state);
        this.signIn = new SignInHandler(state);
    }

    @Override
    public void handle(HttpExchange ex) throws IOException {
        try {
            Call call = Call.read(ex, baseUrl, https);
            Optional<Faults.Rule> fault = state.faults().take(call.path());
            if (fault.isPresent() && !fault.get().delayValue().isZero()) {
                pause(fault.get().delayValue().toMillis());
            }
            if (fault.isPresent() && fault.get().drops()) {
                record(call, 0);
                return;
            }
            String correlation = call.header("client-request-id").orElse(UUID.randomUUID().toString());
            Reply reply;
            try {
                reply = fault.isPresent() && (fault.get().statusCode() > 0 || fault.get().malformed())
                        ? injected(fault.get(), correlation) : route(call);
            } catch (Problem p) {
                reply = Reply.json(p.error().status(), p.error().body(state.clock().instant(), correlation, baseUrl));
            }
            if (call.header("client-request-id").isPresent()) {
                reply = reply.withHeader("client-request-id", correlation);
            }
            record(call, reply.status());
            send(ex, reply);
        } finally {
            // Closing before any answer was sent drops the connection: the injected "dropped" fault.
            ex.close();
        }
    }

    private Reply route(Call call) {
        String path = call.path();
        // The Azure CLI builds an AD FS authority as login endpoint + "/" + tenant, that is ".../adfs/adfs".
        if (path.startsWith("/adfs/adfs/")) {
            path = path.substring("/adfs".length());
        }
        String[] seg = path.replaceAll("^/+", "").split("/");
        if (path.equals("/adfs/oauth2/token")) {
            return token.handle(call, "adfs", baseUrls.get().stream().filter(b -> !b.equals(baseUrl)).toList());
        }
        if (path.equals("/adfs/.well-known/openid-configuration")) {
            return discovery.openidConfiguration(call, "adfs", false);
        }
        if (path.equals("/metadata/identity/oauth2/token")) {
            return managedIdentity.imds(call);
        }
        if (path.equals("/msi/token")) {
            return managedIdentity.appService(call);
        }
        if (path.equals("/msi/legacy")) {
            return managedIdentity.legacy(call);
        }
        if (path.equals("/cloudshell/token")) {
            return managedIdentity.cloudShell(call);
        }
        if (path.equals("/arc/metadata/identity/oauth2/token")) {
            return managedIdentity.arc(call);
        }
        if (path.equals("/servicefabric/metadata/identity/oauth2/token")) {
            return managedIdentity.serviceFabric(call);
        }
        if (path.equals("/github/idtoken")) {
            return ci.github(call);
        }
        if (path.equals("/pipelines/oidctoken")) {
            return ci.pipelines(call);
        }
        if (path.equals("/metadata/endpoints")) {
            return metadata.endpoints(call);
        }
        if (seg.length == 4 && seg[1].equals("oauth2") && seg[2].equals("v2.0") && seg[3].equals("authorize")) {
            return signIn.authorize(call, state.userTenant(seg[0]));
        }
        if (seg.length == 4 && seg[1].equals("oauth2") && seg[2].equals("v2.0") && seg[3].equals("devicecode")) {
            return signIn.deviceCode(call, state.userTenant(seg[0]));
        }
        if (path.equals("/devicelogin")) {
            return signIn.deviceLogin(call);
        }
        if (seg.length == 4 && seg[1].equals("oauth2") && seg[2].equals("v2.0") && seg[3].equals("token")) {
            return token.handle(call, seg[0], baseUrls.get().stream().filter(b -> !b.equals(baseUrl)).toList());
        }
        if (path.endsWith("/v2.0/.well-known/openid-configuration") && seg.length == 4) {
            return discovery.openidConfiguration(call, seg[0], true);
        }
        if (path.endsWith("/.well-known/openid-configuration") && seg.length == 3) {
            return discovery.openidConfiguration(call, seg[0], false);
        }
        if (seg.length >= 3 && seg[1].equals("discovery") && seg[seg.length - 1].equals("keys")) {
            return discovery.jwks();
        }
        if (path.equals("/common/discovery/instance")) {
            return discovery.instanceDiscovery(call);
        }
        if (path.equals("/subscriptions") || path.equals("/subscriptions/")) {
            return arm.subscriptions(call, baseUrls.get());
        }
        if (KeyVaultHandler.serves(path)) {
            return keyVault.handle(call);
        }
        if (path.startsWith("/subscriptions")) {
            return Reply.json(404, Map.of("error", Map.of("code", "NotFound",
                    "message", "The emulator serves only GET /subscriptions.")));
        }
        throw new Problem(404, "invalid_request", 90010, "The request path " + call.path() + " is not served by the azid "
                + "emulator.");
    }

    private Reply injected(Faults.Rule fault, String correlation) {
        if (fault.malformed()) {
            Map<String, String> h = new LinkedHashMap<>();
            h.put("Content-Type", "application/json; charset=utf-8");
            return new Reply(200, h, "{\"token_type\":\"Bearer\",\"access_tok".getBytes(StandardCharsets.UTF_8));
        }
        int status = fault.statusCode();
        Reply reply = Reply.json(status, new EntraError(status, status == 429 ? "temporarily_unavailable" : "server_error",
                status == 429 ? 50196 : 90033, "Injected fault: HTTP " + status + ".").body(state.clock().instant(),
                correlation, baseUrl));
        return fault.retryAfterValue() == null ? reply : reply.withHeader("Retry-After", fault.retryAfterValue());
    }

    private void record(Call call, int status) {
        Map<String, List<String>> headers = new LinkedHashMap<>();
        call.headers().forEach((k, v) -> headers.put(k, SECRET_HEADERS.contains(k.toLowerCase(Locale.ROOT))
                ? List.of(RecordedRequest.MASK) : v));
        Map<String, String> form = new LinkedHashMap<>();
        call.form().forEach((k, v) -> form.put(k, SECRET_FIELDS.contains(k) ? RecordedRequest.MASK : v));
        state.log().add(new RecordedRequest(call.method(), call.path(), call.query(), headers, form, status,
                state.clock().instant(), call.https()));
    }

    private static void send(HttpExchange ex, Reply reply) throws IOException {
        reply.headers().forEach((k, v) -> ex.getResponseHeaders().set(k, v));
        ex.sendResponseHeaders(reply.status(), reply.body().length == 0 ? -1 : reply.body().length);
        if (reply.body().length > 0) {
            try (OutputStream out = ex.getResponseBody()) {
                out.write(reply.body());
            }
        }
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
