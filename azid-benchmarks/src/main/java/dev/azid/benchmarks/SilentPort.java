package dev.azid.benchmarks;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.ArrayList;
import java.util.List;

/**
 * A black-holed endpoint on 127.0.0.1: accepts every connection and never reads or answers, like an
 * IMDS address that a firewall swallows. Closing it closes every held connection.
 */
final class SilentPort implements AutoCloseable {

    private final ServerSocket server;
    private final List<Socket> held = new ArrayList<>();

    /**
     * Binds a free port and starts accepting.
     *
     * @throws IOException if no port can be bound
     */
    SilentPort() throws IOException {
        server = new ServerSocket(0, 1000, InetAddress.getLoopbackAddress());
        Thread acceptor = new Thread(this::acceptForever, "silent-port");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    /**
     * A port nothing listens on (bound, then closed at once): connections are refused.
     *
     * @return the port
     * @throws IOException if no port can be bound
     */
    static int closedPort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    /** @return the port */
    int port() {
        return server.getLocalPort();
    }

    private void acceptForever() {
        try {
            while (true) {
                Socket s = server.accept();
                synchronized (held) {
                    held.add(s);
                }
            }
        } catch (IOException e) {
            // Closed.
        }
    }

    @Override
    public void close() throws IOException {
        server.close();
        synchronized (held) {
            for (Socket s : held) {
                s.close();
            }
            held.clear();
        }
    }
}
