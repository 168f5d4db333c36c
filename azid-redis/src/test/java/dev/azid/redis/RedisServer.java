package dev.azid.redis;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * A real {@code redis-server} (Debian's package) for a test: bound to 127.0.0.1 on a free port,
 * with a temporary directory, no persistence, in the foreground, stopped by {@link #close()}.
 * {@link #kill()} and {@link #restart()} simulate an outage on the same port.
 */
public final class RedisServer implements AutoCloseable {

    private static final Path BINARY = Path.of("/usr/bin/redis-server");

    private final Path dir;
    private final int port;
    private final List<String> extra;
    private final boolean tlsOnly;
    private final List<String> output = Collections.synchronizedList(new ArrayList<>());
    private Process process;

    private RedisServer(Path dir, int port, List<String> extra, boolean tlsOnly) {
        this.dir = dir;
        this.port = port;
        this.extra = extra;
        this.tlsOnly = tlsOnly;
    }

    /**
     * Starts a server on a free port.
     *
     * @param dir a temporary directory
     * @param extra further options, for example {@code --requirepass x}
     * @return the running server
     * @throws Exception if it does not start within 10 s
     */
    public static RedisServer start(Path dir, String... extra) throws Exception {
        RedisServer server = new RedisServer(dir, freePort(), List.of(extra), false);
        server.launch();
        return server;
    }

    /**
     * Starts a server that speaks only TLS, on a free port.
     *
     * @param dir a temporary directory
     * @param cert the server's certificate file (PEM)
     * @param key its key file (PEM)
     * @param ca the CA file (PEM)
     * @return the running server
     * @throws Exception if it does not start within 10 s
     */
    public static RedisServer startTls(Path dir, Path cert, Path key, Path ca) throws Exception {
        RedisServer server = new RedisServer(dir, freePort(), List.of("--tls-cert-file", cert.toString(),
                "--tls-key-file", key.toString(), "--tls-ca-cert-file", ca.toString(), "--tls-auth-clients", "no"), true);
        server.launch();
        return server;
    }

    static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    private void launch() throws Exception {
        if (!Files.isExecutable(BINARY)) {
            throw new AssertionError(BINARY + " is missing: install Debian's redis-server (scripts/test-all.sh does)");
        }
        List<String> argv = new ArrayList<>(List.of(BINARY.toString(), "--bind", "127.0.0.1", "--dir", dir.toString(),
                "--save", "", "--appendonly", "no", "--daemonize", "no", "--logfile", ""));
        argv.addAll(tlsOnly ? List.of("--port", "0", "--tls-port", String.valueOf(port)) : List.of("--port", String.valueOf(port)));
        argv.addAll(extra);
        Process p = new ProcessBuilder(argv).redirectErrorStream(true).start();
        CountDownLatch ready = new CountDownLatch(1);
        Thread reader = new Thread(() -> {
            try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line = r.readLine(); line != null; line = r.readLine()) {
                    output.add(line);
                    if (line.contains("Ready to accept connections")) {
                        ready.countDown();
                    }
                }
            } catch (IOException e) {
                output.add("reader: " + e);
            }
        }, "redis-server-" + port);
        reader.setDaemon(true);
        reader.start();
        process = p;
        if (!ready.await(10, TimeUnit.SECONDS)) {
            kill();
            throw new AssertionError("redis-server did not start within 10 s: " + output);
        }
    }

    /** @return the port */
    public int port() {
        return port;
    }

    /** @return what the server printed */
    public List<String> output() {
        return List.copyOf(output);
    }

    /** @return a builder for a store on this server, with short timeouts */
    public RedisTokenStore.Builder store() {
        return RedisTokenStore.builder().host("127.0.0.1").port(port)
                .connectTimeout(java.time.Duration.ofSeconds(1)).commandTimeout(java.time.Duration.ofSeconds(1));
    }

    /** Kills the server at once (SIGKILL), as a crash would, and waits for it to be gone. */
    public void kill() throws InterruptedException {
        if (process != null) {
            process.destroyForcibly();
            process.waitFor(10, TimeUnit.SECONDS);
            process = null;
        }
    }

    /**
     * Starts the server again on the same port, empty.
     *
     * @throws Exception if it does not start
     */
    public void restart() throws Exception {
        kill();
        launch();
    }

    @Override
    public void close() throws InterruptedException {
        kill();
    }
}
