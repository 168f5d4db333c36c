package dev.azid.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The public {@link Dispatcher} seam: a wrapped route table, with the log and faults still around it. */
class DispatcherTest {

    @Test
    void dispatcher_wrapsTheRouteTable_logAndFaultsStillApply() throws Exception {
        try (EntraEmulator e = EntraEmulator.builder().dispatcher(routes -> call -> call.path().equals("/health")
                ? Reply.json(200, Map.of("status", "ok")) : routes.dispatch(call)).start()) {
            EmulatorClient client = new EmulatorClient(e);
            HttpResponse<String> health = client.get(e.authorityHost() + "/health");
            assertThat(health.statusCode()).isEqualTo(200);
            assertThat(health.body()).isEqualTo("{\"status\":\"ok\"}");
            assertThat(client.get(e.authorityHost() + "/common/discovery/keys").statusCode()).isEqualTo(200);
            e.faults().on("/health").status(503);
            assertThat(client.get(e.authorityHost() + "/health").statusCode()).isEqualTo(503);
            assertThat(e.requestLog().matching("^/health$")).extracting(RecordedRequest::status).containsExactly(200, 503);
        }
    }

    @Test
    void dispatcher_unknownPath_isAnEntraError() throws Exception {
        try (EntraEmulator e = EntraEmulator.builder().start()) {
            HttpResponse<String> r = new EmulatorClient(e).get(e.authorityHost() + "/no/such/route");
            assertThat(r.statusCode()).isEqualTo(404);
            assertThat(r.body()).contains("AADSTS90010");
        }
    }

    @Test
    void reply_copiesHeaders_andNeverShowsTheBody() {
        Map<String, String> headers = new java.util.HashMap<>(Map.of("A", "1"));
        Reply reply = new Reply(200, headers, "token".getBytes(java.nio.charset.StandardCharsets.UTF_8));
        headers.put("B", "2");
        assertThat(reply.headers()).containsOnlyKeys("A");
        assertThat(reply.withHeader("B", "2").headers()).containsOnlyKeys("A", "B");
        assertThat(reply.toString()).doesNotContain("token");
        Call call = new Call("POST", "/x", Map.of(), Map.of("authorization", List.of("Bearer secret")),
                Map.of("client_secret", "secret"), new byte[0], "", "https://127.0.0.1:1", true);
        assertThat(call.header("Authorization")).hasValue("Bearer secret");
        assertThat(call.toString()).doesNotContain("secret");
    }

    @Test
    void endpoints_areTheStartLine() {
        try (EntraEmulator e = EntraEmulator.builder().start()) {
            EmulatorEndpoints endpoints = e.endpoints();
            assertThat(endpoints.authorityHost()).isEqualTo(e.authorityHost());
            assertThat(endpoints.toMap()).containsEntry("imdsEndpoint", endpoints.httpAuthorityHost().toString())
                    .containsEntry("caCertificate", endpoints.caCertificate().toAbsolutePath().toString())
                    .doesNotContainKey("proxyUrl")
                    .hasSize(EmulatorEndpoints.class.getRecordComponents().length - 1);
        }
        try (EntraEmulator e = EntraEmulator.builder().proxy(true).start()) {
            assertThat(e.endpoints().toMap()).containsEntry("proxyUrl", e.endpoints().proxyUrl().toString())
                    .hasSize(EmulatorEndpoints.class.getRecordComponents().length);
        }
    }
}
