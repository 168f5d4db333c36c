package dev.azid.emulator.internal;

import dev.azid.emulator.RecordedRequest;
import dev.azid.emulator.RequestLog;
import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * Transparent mode's HTTP proxy on 127.0.0.1: accepts {@code CONNECT host:443} for the real hosts
 * ({@link RealHosts}) and tunnels the connection to the emulator's own real-host TLS listener, never
 * anywhere else. Every other {@code CONNECT}, and every plain proxy request ({@code GET http://...}),
 * is answered 403; each request, accepted or refused, is written to the request log as method
 * {@code CONNECT} (or the method sent), path the request target without query, status the answer.
 * Bounded: an {@value #MAX_HEAD}-byte request head read within {@value #HEAD_TIMEOUT_MILLIS} ms,
 * tunnels closed after {@value #IDLE_TIMEOUT_MILLIS} ms without data in one direction, and at most
 * {@value #MAX_THREADS} threads (two per tunnel; beyond that a connection gets 503).
 */
final class ConnectProxy implements AutoCloseable {

    static final int MAX_HEAD = 8 * 1024;
    static final int HEAD_TIMEOUT_MILLIS = 10_000;
    static final int IDLE_TIMEOUT_MILLIS = 60_000;
    static final int MAX_THREADS = 64;
    private static final int CONNECT_TIMEOUT_MILLIS = 5_000;
    private static final Set<String> SECRET_HEADERS = Set.of("proxy-authorization", "authorization");

    private final ServerSocket server;
    private final int targetPort;
    private final RequestLog log;
    private final Clock clock;
    private final ThreadPoolExecutor pool;
    private final Set<Socket> open = ConcurrentHashMap.newKeySet();
    private final Thread acceptor;

    private ConnectProxy(ServerSocket server, int targetPort, RequestLog log, Clock clock) {
        this.server = server;
        this.targetPort = targetPort;
        this.log = log;
        this.clock = clock;
        this.pool = new ThreadPoolExecutor(0, MAX_THREADS, 30, TimeUnit.SECONDS, new SynchronousQueue<>(),
                DaemonThreads.numbered("azid-emulator-proxy-"));
        this.acceptor = new Thread(this::acceptLoop, "azid-emulator-proxy-accept");
        this.acceptor.setDaemon(true);
    }

    /**
     * Binds a free port on 127.0.0.1 and starts accepting.
     *
     * @param targetPort the port of the real-host TLS listener on 127.0.0.1
     * @param log the request log
     * @param clock stamps log entries
     * @return the running proxy
     */
    static ConnectProxy start(int targetPort, RequestLog log, Clock clock) {
        try {
            ServerSocket s = new ServerSocket(0, 64, InetAddress.getLoopbackAddress());
            ConnectProxy proxy = new ConnectProxy(s, targetPort, log, clock);
            proxy.acceptor.start();
            return proxy;
        } catch (IOException e) {
            throw new UncheckedIOException("the emulator's proxy could not bind 127.0.0.1: " + e.getMessage(), e);
        }
    }

    /** @return the port it listens on */
    int port() {
        return server.getLocalPort();
    }

    private void acceptLoop() {
        while (!server.isClosed()) {
            Socket client;
            try {
                client = server.accept();
            } catch (IOException e) {
                return;
            }
            open.add(client);
            try {
                pool.execute(() -> serve(client));
            } catch (RejectedExecutionException e) {
                refuseQuietly(client, 503, "Service Unavailable", "The azid emulator's proxy is serving too many connections.");
            }
        }
    }

    private void serve(Socket client) {
        Socket upstream = null;
        try {
            client.setSoTimeout(HEAD_TIMEOUT_MILLIS);
            InputStream in = new BufferedInputStream(client.getInputStream(), MAX_HEAD);
            ProxyRequestHead head = ProxyRequestHead.read(in, MAX_HEAD);
            if (head == null) {
                refuseQuietly(client, 431, "Request Header Fields Too Large", "The request head is too large or incomplete.");
                return;
            }
            String host = head.connectHost();
            if (host == null || !RealHosts.served(host)) {
                record(head, 403);
                refuseQuietly(client, 403, "Forbidden", "The azid emulator's proxy serves only CONNECT to the real Entra ID, "
                        + "Resource Manager and Key Vault hosts on port 443; it never forwards anywhere else.");
                return;
            }
            upstream = new Socket();
            open.add(upstream);
            upstream.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), targetPort), CONNECT_TIMEOUT_MILLIS);
            upstream.setSoTimeout(IDLE_TIMEOUT_MILLIS);
            client.setSoTimeout(IDLE_TIMEOUT_MILLIS);
            Socket up = upstream;
            InputStream fromUpstream = upstream.getInputStream();
            try {
                pool.execute(() -> pump(fromUpstream, client, up));
            } catch (RejectedExecutionException e) {
                record(head, 503);
                refuseQuietly(client, 503, "Service Unavailable", "The azid emulator's proxy is serving too many connections.");
                return;
            }
            record(head, 200);
            OutputStream out = client.getOutputStream();
            out.write("HTTP/1.1 200 Connection Established\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            out.flush();
            pump(in, upstream, client);
        } catch (IOException e) {
            // A client that goes away or stays silent ends its own connection; nothing to answer.
        } finally {
            close(client);
            close(upstream);
        }
    }

    /** Copies until either side ends or stays idle too long, then closes both ends. */
    private void pump(InputStream from, Socket to, Socket other) {
        byte[] buf = new byte[16 * 1024];
        try {
            OutputStream out = to.getOutputStream();
            for (int n; (n = from.read(buf)) >= 0; ) {
                out.write(buf, 0, n);
                out.flush();
            }
        } catch (IOException e) {
            // Idle timeout or a closed end: the tunnel is over.
        } finally {
            close(to);
            close(other);
        }
    }

    private void record(ProxyRequestHead head, int status) {
        Map<String, List<String>> headers = new LinkedHashMap<>();
        head.headers().forEach((k, v) -> headers.put(k, SECRET_HEADERS.contains(k) ? List.of(RecordedRequest.MASK) : v));
        log.add(new RecordedRequest(head.method(), head.targetWithoutQuery(), Map.of(), headers, Map.of(), status,
                clock.instant(), false));
    }

    private void refuseQuietly(Socket client, int status, String reason, String message) {
        try {
            client.setSoTimeout(HEAD_TIMEOUT_MILLIS);
            byte[] body = (message + "\n").getBytes(StandardCharsets.UTF_8);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            out.writeBytes(("HTTP/1.1 " + status + " " + reason + "\r\nContent-Type: text/plain; charset=utf-8\r\n"
                    + "Content-Length: " + body.length + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.writeBytes(body);
            client.getOutputStream().write(out.toByteArray());
            client.getOutputStream().flush();
            client.shutdownOutput();
            // Unread request bytes would make the close a reset that can destroy the answer before the client reads it.
            InputStream rest = client.getInputStream();
            for (int drained = 0, n; drained < 64 * 1024 && (n = rest.available()) > 0; drained += n) {
                rest.skipNBytes(n);
            }
        } catch (IOException e) {
            // The client left before its answer: nothing more to do.
        } finally {
            close(client);
        }
    }

    private void close(Socket s) {
        if (s == null) {
            return;
        }
        open.remove(s);
        try {
            s.close();
        } catch (IOException e) {
            // Closing is best effort.
        }
    }

    /** Stops accepting and closes every open connection. Idempotent. */
    @Override
    public void close() {
        try {
            server.close();
        } catch (IOException e) {
            // Closing is best effort.
        }
        List.copyOf(open).forEach(this::close);
        pool.shutdownNow();
    }

    @Override
    public String toString() {
        return "ConnectProxy[127.0.0.1:" + port() + "]";
    }
}
