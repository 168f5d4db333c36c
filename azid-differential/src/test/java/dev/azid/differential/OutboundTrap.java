package dev.azid.differential;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The children's {@code HTTPS_PROXY}: records the host of every request that would leave the machine
 * (anything but the emulator, which {@code NO_PROXY} exempts) and refuses it with 403, so that no test
 * reaches the internet and a call to the public cloud shows up in the comparison. Binds 127.0.0.1 on a
 * free port; closed by its side.
 */
final class OutboundTrap implements AutoCloseable {

    /** A refused request. @param at when @param target the request line's target, e.g. {@code login.microsoftonline.com:443} */
    record Attempt(Instant at, String target) {
    }

    private final ServerSocket server;
    private final List<Attempt> attempts = new ArrayList<>();

    OutboundTrap() {
        try {
            server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Thread t = new Thread(this::serve, "outbound-trap");
        t.setDaemon(true);
        t.start();
    }

    /** @return the port */
    int port() {
        return server.getLocalPort();
    }

    /** @return {@code http://127.0.0.1:<port>} */
    String url() {
        return "http://127.0.0.1:" + server.getLocalPort();
    }

    synchronized List<Attempt> attempts() {
        return List.copyOf(attempts);
    }

    synchronized void clear() {
        attempts.clear();
    }

    private void serve() {
        while (!server.isClosed()) {
            try (Socket s = server.accept()) {
                s.setSoTimeout(2000);
                String line = firstLine(s.getInputStream());
                String[] parts = line.split(" ");
                synchronized (this) {
                    attempts.add(new Attempt(Instant.now(), parts.length > 1 ? parts[1] : line));
                }
                s.getOutputStream().write("HTTP/1.1 403 Forbidden\r\nContent-Length: 0\r\nConnection: close\r\n\r\n"
                        .getBytes(StandardCharsets.US_ASCII));
            } catch (IOException e) {
                // A client that hung up, or the trap closing: nothing to record.
            }
        }
    }

    private static String firstLine(InputStream in) throws IOException {
        StringBuilder b = new StringBuilder();
        int c;
        while ((c = in.read()) != -1 && c != '\n' && b.length() < 2000) {
            b.append((char) c);
        }
        return b.toString().strip();
    }

    @Override
    public void close() {
        try {
            server.close();
        } catch (IOException e) {
            // Already closed.
        }
    }
}
