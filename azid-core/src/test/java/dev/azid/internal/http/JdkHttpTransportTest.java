package dev.azid.internal.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import dev.azid.Environment;
import dev.azid.http.HttpRequest;
import dev.azid.http.HttpResponse;
import dev.azid.http.HttpTransport;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class JdkHttpTransportTest {

    private HttpServer server;
    private ServerSocket raw;

    @AfterEach
    void stop() throws IOException {
        if (server != null) {
            server.stop(0);
        }
        if (raw != null) {
            raw.close();
        }
    }

    private URI serve(String path, int status, byte[] body, Map<String, String> headers) throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext(path, ex -> {
            headers.forEach((k, v) -> ex.getResponseHeaders().add(k, v));
            ex.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
            if (body.length > 0) {
                try (OutputStream out = ex.getResponseBody()) {
                    out.write(body);
                }
            }
            ex.close();
        });
        server.start();
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + path);
    }

    @Test
    void send_ok_returnsStatusHeadersAndBody() throws IOException {
        URI uri = serve("/x", 201, "hello".getBytes(StandardCharsets.UTF_8), Map.of("X-Test", "1"));
        HttpResponse r = HttpTransport.defaultTransport().send(HttpRequest.get(uri, Map.of("Accept", "text/plain"),
                Duration.ofSeconds(5)));
        assertThat(r.statusCode()).isEqualTo(201);
        assertThat(r.header("x-test")).contains("1");
        assertThat(r.bodyText()).isEqualTo("hello");
    }

    @Test
    void send_redirect_isNotFollowed() throws IOException {
        URI uri = serve("/r", 302, new byte[0], Map.of("Location", "http://127.0.0.1:1/elsewhere"));
        HttpResponse r = HttpTransport.defaultTransport().send(HttpRequest.get(uri, Map.of(), Duration.ofSeconds(5)));
        assertThat(r.statusCode()).isEqualTo(302);
    }

    @Test
    void send_closedPort_throwsConnectException() throws IOException {
        int port;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        }
        HttpRequest req = HttpRequest.get(URI.create("http://127.0.0.1:" + port + "/"), Map.of(), Duration.ofSeconds(5));
        assertThatThrownBy(() -> HttpTransport.defaultTransport().send(req)).isInstanceOf(ConnectException.class);
    }

    @Test
    void send_serverAcceptsButNeverAnswers_timesOut() throws Exception {
        raw = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        CountDownLatch accepted = new CountDownLatch(1);
        Thread acceptor = new Thread(() -> {
            try (Socket s = raw.accept()) {
                accepted.countDown();
                s.getInputStream().read(new byte[1024]);
                // Never answer: wait until the test closes the server socket.
                new CountDownLatch(1).await(10, TimeUnit.SECONDS);
            } catch (IOException | InterruptedException e) {
                // The test closed the socket.
            }
        });
        acceptor.setDaemon(true);
        acceptor.start();
        HttpRequest req = HttpRequest.get(URI.create("http://127.0.0.1:" + raw.getLocalPort() + "/"), Map.of(),
                Duration.ofMillis(300));
        assertThatThrownBy(() -> HttpTransport.defaultTransport().send(req))
                .isInstanceOf(HttpTimeoutException.class).hasMessageContaining("timed out");
        assertThat(accepted.await(5, TimeUnit.SECONDS)).isTrue();
    }

    @Test
    void send_headersThenStalledBody_timesOut() throws Exception {
        raw = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread server = new Thread(() -> {
            try (Socket s = raw.accept()) {
                s.getInputStream().read(new byte[1024]);
                s.getOutputStream().write("HTTP/1.1 200 OK\r\nContent-Length: 100\r\n\r\n{\"partial\":".getBytes(
                        StandardCharsets.US_ASCII));
                s.getOutputStream().flush();
                new CountDownLatch(1).await(10, TimeUnit.SECONDS);
            } catch (IOException | InterruptedException e) {
                // The test closed the socket.
            }
        });
        server.setDaemon(true);
        server.start();
        HttpRequest req = HttpRequest.get(URI.create("http://127.0.0.1:" + raw.getLocalPort() + "/"), Map.of(),
                Duration.ofMillis(500));
        assertThatThrownBy(() -> HttpTransport.defaultTransport().send(req)).isInstanceOf(HttpTimeoutException.class);
    }

    @Test
    void send_bodyOverLimit_isRefused() throws IOException {
        URI uri = serve("/big", 200, new byte[JdkHttpTransport.MAX_BODY_BYTES + 1], Map.of());
        HttpRequest req = HttpRequest.get(uri, Map.of(), Duration.ofSeconds(10));
        assertThatThrownBy(() -> HttpTransport.defaultTransport().send(req))
                .isInstanceOf(IOException.class).hasMessageContaining("larger than");
    }

    @Test
    void send_httpsProxyVariable_routesPlainHttpThroughHttpProxyOnly() throws Exception {
        // A fake proxy that records the request line it receives.
        raw = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        AtomicReference<String> requestLine = new AtomicReference<>();
        Thread proxy = new Thread(() -> {
            try (Socket s = raw.accept()) {
                InputStream in = s.getInputStream();
                StringBuilder line = new StringBuilder();
                int c;
                while ((c = in.read()) != -1 && c != '\n') {
                    line.append((char) c);
                }
                requestLine.set(line.toString().trim());
                s.getOutputStream().write("HTTP/1.1 204 No Content\r\nContent-Length: 0\r\n\r\n".getBytes(
                        StandardCharsets.US_ASCII));
                s.getOutputStream().flush();
            } catch (IOException e) {
                // Closed by the test.
            }
        });
        proxy.setDaemon(true);
        proxy.start();
        HttpTransport t = HttpTransport.builder().environment(Environment.of(Map.of(
                "HTTP_PROXY", "http://127.0.0.1:" + raw.getLocalPort()))).build();
        // Loopback always bypasses an environment proxy, so address a name that only the proxy "resolves".
        HttpResponse r = t.send(HttpRequest.get(URI.create("http://login.example.test/path"), Map.of(),
                Duration.ofSeconds(5)));
        assertThat(r.statusCode()).isEqualTo(204);
        assertThat(requestLine.get()).isEqualTo("GET http://login.example.test/path HTTP/1.1");
    }

    @Test
    void noProxyRules_matchHostsSuffixesPortsAndLoopback() {
        NoProxyRules rules = NoProxyRules.parse(" .contoso.com, login.example:8443 ,internal");
        assertThat(rules.bypass("a.contoso.com", 443)).isTrue();
        assertThat(rules.bypass("contoso.com", 443)).isTrue();
        assertThat(rules.bypass("notcontoso.com", 443)).isFalse();
        assertThat(rules.bypass("login.example", 8443)).isTrue();
        assertThat(rules.bypass("login.example", 443)).isFalse();
        assertThat(rules.bypass("internal", 80)).isTrue();
        assertThat(rules.bypass("127.0.0.1", 80)).isTrue();
        assertThat(rules.bypass("169.254.169.254", 80)).isTrue();
        assertThat(rules.bypass("login.microsoftonline.com", 443)).isFalse();
        assertThat(NoProxyRules.parse("*").bypass("anything", 1)).isTrue();
    }

    @Test
    void build_invalidProxyVariable_namesTheVariable() {
        assertThatThrownBy(() -> HttpTransport.builder().environment(Environment.of(Map.of("HTTPS_PROXY", "http://[bad")))
                .build()).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("HTTPS_PROXY");
    }
}
