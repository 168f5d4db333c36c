package dev.azid.benchmarks;

import java.io.BufferedInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The loopback floor of a shared-cache hit from Redis: a bare {@code GET} of the very entry the store
 * reads, over its own plain socket (no client library, no pool, {@code TCP_NODELAY}), timed in the same
 * child and interleaved with the measured calls, so that both see the same machine at the same moments.
 * Every read is bounded by a 2 s socket timeout.
 */
final class RespFloor implements AutoCloseable {

    private static final int TIMEOUT_MILLIS = 2_000;

    private final Socket socket;
    private final OutputStream out;
    private final InputStream in;
    private byte[] get;

    private RespFloor(Socket socket) throws IOException {
        this.socket = socket;
        this.out = socket.getOutputStream();
        this.in = new BufferedInputStream(socket.getInputStream());
    }

    /**
     * Connects and finds the one value entry under a prefix (the token the parent's run stored).
     *
     * @param port the Redis port on 127.0.0.1
     * @param prefix the run's key prefix
     * @return the floor
     * @throws IOException if Redis cannot be reached or holds no value entry under the prefix
     */
    static RespFloor open(int port, String prefix) throws IOException {
        Socket s = new Socket();
        s.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), TIMEOUT_MILLIS);
        s.setSoTimeout(TIMEOUT_MILLIS);
        s.setTcpNoDelay(true);
        RespFloor floor = new RespFloor(s);
        for (Object name : (List<?>) floor.call(command("KEYS", prefix + "*"))) {
            String n = new String((byte[]) name, StandardCharsets.UTF_8);
            if (!n.endsWith(":lease")) {
                floor.get = command("GET", n);
                return floor;
            }
        }
        s.close();
        throw new IOException("no entry under the prefix " + prefix);
    }

    /**
     * One {@code GET} round trip.
     *
     * @return how long it took, in nanoseconds
     * @throws IOException if it fails or the entry is gone
     */
    long timeGet() throws IOException {
        long start = System.nanoTime();
        Object value = call(get);
        long took = System.nanoTime() - start;
        if (!(value instanceof byte[])) {
            throw new IOException("the entry is gone");
        }
        return took;
    }

    private Object call(byte[] command) throws IOException {
        out.write(command);
        out.flush();
        return reply();
    }

    private Object reply() throws IOException {
        int type = in.read();
        String line = line();
        switch (type) {
            case '$': {
                int n = Integer.parseInt(line);
                if (n < 0) {
                    return null;
                }
                byte[] value = in.readNBytes(n + 2);
                if (value.length != n + 2) {
                    throw new EOFException();
                }
                return java.util.Arrays.copyOf(value, n);
            }
            case '*': {
                List<Object> items = new ArrayList<>();
                for (int i = Integer.parseInt(line); i > 0; i--) {
                    items.add(reply());
                }
                return items;
            }
            case '+':
            case ':':
                return line;
            default:
                throw new IOException("Redis answered " + (type == '-' ? "an error" : "type " + type));
        }
    }

    private String line() throws IOException {
        StringBuilder b = new StringBuilder();
        for (int c = in.read(); c != '\r'; c = in.read()) {
            if (c < 0) {
                throw new EOFException();
            }
            b.append((char) c);
        }
        in.read();
        return b.toString();
    }

    private static byte[] command(String... parts) {
        StringBuilder b = new StringBuilder("*").append(parts.length).append("\r\n");
        for (String p : parts) {
            b.append('$').append(p.getBytes(StandardCharsets.UTF_8).length).append("\r\n").append(p).append("\r\n");
        }
        return b.toString().getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
