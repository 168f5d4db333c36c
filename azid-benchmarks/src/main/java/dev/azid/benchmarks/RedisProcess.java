package dev.azid.benchmarks;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * A {@code redis-server} (Debian's, from {@code PATH} or {@code /usr/bin}) for the benchmarks: bound to
 * 127.0.0.1 on a free port, in a temporary directory, no persistence; can be killed ({@code SIGKILL})
 * and started again on the same port, for the outage benchmark.
 */
final class RedisProcess implements AutoCloseable {

    private static final long START_TIMEOUT_MILLIS = 10_000;

    private final String executable;
    private final Path dir;
    private final int port;
    private Process process;

    private RedisProcess(String executable, Path dir, int port) {
        this.executable = executable;
        this.dir = dir;
        this.port = port;
    }

    /**
     * Starts a server.
     *
     * @return the running server
     * @throws IOException if {@code redis-server} is missing or does not start listening within 10 s
     * @throws InterruptedException if interrupted
     */
    static RedisProcess start() throws IOException, InterruptedException {
        String exe = Files.isExecutable(Path.of("/usr/bin/redis-server")) ? "/usr/bin/redis-server" : "redis-server";
        int port;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        }
        RedisProcess redis = new RedisProcess(exe, Files.createTempDirectory("azid-bench-redis"), port);
        redis.restart();
        return redis;
    }

    /** @return the port on 127.0.0.1 */
    int port() {
        return port;
    }

    /**
     * Starts the server again (on the same port) after {@link #kill()}.
     *
     * @throws IOException if it does not start listening within 10 s
     * @throws InterruptedException if interrupted
     */
    void restart() throws IOException, InterruptedException {
        process = new ProcessBuilder(List.of(executable, "--bind", "127.0.0.1", "--port", String.valueOf(port),
                "--dir", dir.toString(), "--save", "", "--appendonly", "no", "--protected-mode", "yes"))
                .redirectErrorStream(true).redirectOutput(dir.resolve("redis.log").toFile()).start();
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(START_TIMEOUT_MILLIS);
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IOException("redis-server exited with " + process.exitValue() + "; see " + dir.resolve("redis.log"));
            }
            try (Socket s = new Socket(InetAddress.getLoopbackAddress(), port)) {
                return;
            } catch (IOException notYet) {
                Thread.sleep(20);
            }
        }
        process.destroyForcibly();
        throw new IOException("redis-server did not listen on 127.0.0.1:" + port + " within 10 s");
    }

    /**
     * The loopback floor as Redis's own tool measures it: {@code redis-benchmark -c 1 -n 20000 -t set,get
     * -d 1400 --csv} (the one next to {@code redis-server}; one client, one request at a time, values of
     * about a sealed token's size), bounded by 60 s.
     *
     * @return its {@code GET} row as {@code p50=.. p95=.. p99=.. max=..} in microseconds, or empty if the
     *     tool is missing or fails
     * @throws InterruptedException if interrupted
     */
    Optional<String> benchmarkGet() throws InterruptedException {
        Path tool = Path.of(executable).resolveSibling("redis-benchmark");
        Path csv = dir.resolve("redis-benchmark.csv");
        try {
            Process p = new ProcessBuilder(List.of(tool.toString(), "-h", "127.0.0.1", "-p", String.valueOf(port), "-c", "1",
                    "-n", "20000", "-t", "set,get", "-d", "1400", "--csv")).redirectErrorStream(true)
                    .redirectOutput(csv.toFile()).start();
            if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
                p.destroyForcibly();
                return Optional.empty();
            }
            for (String line : Files.readAllLines(csv, StandardCharsets.UTF_8)) {
                // "GET","rps","avg_ms","min_ms","p50_ms","p95_ms","p99_ms","max_ms"
                String[] f = line.replace("\"", "").split(",");
                if (f.length == 8 && f[0].equals("GET")) {
                    return Optional.of(String.format(Locale.ROOT, "p50=%.1f p95=%.1f p99=%.1f max=%.1f",
                            ms(f[4]), ms(f[5]), ms(f[6]), ms(f[7])));
                }
            }
            return Optional.empty();
        } catch (IOException | NumberFormatException e) {
            return Optional.empty();
        }
    }

    private static double ms(String millis) {
        return Double.parseDouble(millis) * 1e3;
    }

    /**
     * Kills the server at once (SIGKILL), as a crash would, and waits for it to be gone.
     *
     * @throws InterruptedException if interrupted
     */
    void kill() throws InterruptedException {
        if (process != null) {
            process.destroyForcibly();
            process.waitFor(10, TimeUnit.SECONDS);
        }
    }

    /** Stops the server and deletes its directory. */
    @Override
    public void close() throws InterruptedException, IOException {
        kill();
        try (var paths = Files.walk(dir)) {
            paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }
}
