package dev.azid.emulator.internal;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import dev.azid.emulator.Call;
import dev.azid.emulator.Dispatcher;
import dev.azid.emulator.Faults;
import dev.azid.emulator.RecordedRequest;
import dev.azid.emulator.Reply;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * One listener's HTTP handler: reads the request, applies any injected fault, asks the
 * {@link Dispatcher}, echoes {@code client-request-id}, logs the request (masked) and sends the answer.
 */
public final class Listener implements HttpHandler {

    private static final Set<String> SECRET_FIELDS = Set.of("client_secret", "client_assertion", "password",
            "refresh_token", "assertion", "code", "code_verifier", "device_code");
    private static final Set<String> SECRET_HEADERS = Set.of("authorization", "x-identity-header", "secret");

    private final String baseUrl;
    private final boolean https;
    private final ListenerContext context;

    /**
     * Creates the handler of one listener.
     *
     * @param baseUrl this listener's base URL
     * @param https whether it is an HTTPS listener
     * @param context the dispatcher, faults, request log and clock it serves with
     */
    public Listener(String baseUrl, boolean https, ListenerContext context) {
        this.baseUrl = baseUrl;
        this.https = https;
        this.context = context;
    }

    @Override
    public void handle(HttpExchange ex) throws IOException {
        try {
            Call call = CallReader.read(ex, baseUrl, https);
            Optional<Faults.Rule> fault = context.faults().take(call.path());
            if (fault.isPresent() && !fault.get().delayValue().isZero()) {
                pause(fault.get().delayValue().toMillis());
            }
            if (fault.isPresent() && fault.get().drops()) {
                record(call, 0);
                return;
            }
            Reply reply = fault.isPresent() && (fault.get().statusCode() > 0 || fault.get().malformed())
                    ? injected(fault.get(), Routes.correlationId(call)) : context.dispatcher().dispatch(call);
            Optional<String> requestId = call.header("client-request-id");
            if (requestId.isPresent()) {
                reply = reply.withHeader("client-request-id", requestId.get());
            }
            record(call, reply.status());
            send(ex, reply);
        } finally {
            // Closing before any answer was sent drops the connection: the injected "dropped" fault.
            ex.close();
        }
    }

    private Reply injected(Faults.Rule fault, String correlation) {
        if (fault.malformed()) {
            return new Reply(200, Map.of("Content-Type", "application/json; charset=utf-8"),
                    "{\"token_type\":\"Bearer\",\"access_tok".getBytes(StandardCharsets.UTF_8));
        }
        int status = fault.statusCode();
        Reply reply = Reply.json(status, new EntraError(status, status == 429 ? "temporarily_unavailable" : "server_error",
                status == 429 ? 50196 : 90033, "Injected fault: HTTP " + status + ".").body(context.clock().instant(),
                correlation, baseUrl));
        return fault.retryAfterValue() == null ? reply : reply.withHeader("Retry-After", fault.retryAfterValue());
    }

    private void record(Call call, int status) {
        Map<String, List<String>> headers = new LinkedHashMap<>();
        call.headers().forEach((k, v) -> headers.put(k, SECRET_HEADERS.contains(k.toLowerCase(Locale.ROOT))
                ? List.of(RecordedRequest.MASK) : v));
        Map<String, String> form = new LinkedHashMap<>();
        call.form().forEach((k, v) -> form.put(k, SECRET_FIELDS.contains(k) ? RecordedRequest.MASK : v));
        context.log().add(new RecordedRequest(call.method(), call.path(), call.query(), headers, form, status,
                context.clock().instant(), call.https()));
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
