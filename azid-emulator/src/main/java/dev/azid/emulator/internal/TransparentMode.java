package dev.azid.emulator.internal;

import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.concurrent.ExecutorService;

/**
 * Transparent mode: the emulator served under the real host names. A proxy on 127.0.0.1 accepts
 * {@code CONNECT} for the real hosts and tunnels each to a TLS listener (also on 127.0.0.1, not
 * advertised) that presents a CA-issued certificate for the host the client named and serves the
 * emulator's routes as that host.
 */
public final class TransparentMode implements AutoCloseable {

    private final HttpsServer realHosts;
    private final ConnectProxy proxy;

    private TransparentMode(HttpsServer realHosts, ConnectProxy proxy) {
        this.realHosts = realHosts;
        this.proxy = proxy;
    }

    /**
     * Starts the real-host listener and the proxy.
     *
     * @param pki the emulator's CA, which issues each host's certificate
     * @param context the dispatcher, faults, request log and clock every listener uses
     * @param executor the listeners' threads
     * @return the running mode
     */
    public static TransparentMode start(Pki pki, ListenerContext context, ExecutorService executor) {
        HttpsServer server;
        try {
            server = HttpsServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 64);
        } catch (IOException e) {
            throw new UncheckedIOException("the emulator's real-host listener could not bind 127.0.0.1: " + e.getMessage(), e);
        }
        server.setHttpsConfigurator(new HttpsConfigurator(HostKeyManager.context(pki)));
        server.createContext("/", new RealHostHandler(context));
        server.setExecutor(executor);
        server.start();
        try {
            return new TransparentMode(server, ConnectProxy.start(server.getAddress().getPort(), context.log(), context.clock()));
        } catch (RuntimeException e) {
            server.stop(0);
            throw e;
        }
    }

    /** @return the proxy's URL, {@code http://127.0.0.1:<port>}: what {@code HTTPS_PROXY} names */
    public URI proxyUrl() {
        return URI.create("http://127.0.0.1:" + proxy.port());
    }

    /** Stops the proxy and the real-host listener. Idempotent. */
    @Override
    public void close() {
        proxy.close();
        realHosts.stop(0);
    }
}
