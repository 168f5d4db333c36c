package dev.azid.emulator.internal;

import com.sun.net.httpserver.HttpServer;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import dev.azid.emulator.EmulatorConfig;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/** Generates the keys, binds both listeners on 127.0.0.1 and starts serving. */
public final class Launcher {

    private Launcher() {
    }

    /**
     * What a started emulator is made of.
     *
     * @param https the HTTPS listener
     * @param http the HTTP listener
     * @param fabric the Service Fabric listener (HTTPS with a self-signed certificate)
     * @param executor their threads
     * @param state the shared state
     * @param stateDirectory where the CA files are
     * @param arcKeyDirectory where Arc key files go
     */
    public record Running(HttpsServer https, HttpServer http, HttpsServer fabric, ExecutorService executor,
            EmulatorState state, Path stateDirectory, Path arcKeyDirectory) {
    }

    /**
     * Starts the emulator.
     *
     * @param config the directory
     * @param clock the clock
     * @param httpsPort the HTTPS port, 0 for a free one
     * @param httpPort the HTTP port, 0 for a free one
     * @param stateDirectory where to write the CA, or {@code null} for a new temporary directory
     * @param arcKeyDirectory where Arc key files go, or {@code null} for one in the state directory
     * @return the running parts
     */
    public static Running start(EmulatorConfig config, Clock clock, int httpsPort, int httpPort, Path stateDirectory,
            Path arcKeyDirectory) {
        Pki pki = Pki.generate();
        try {
            Path dir = stateDirectory != null ? stateDirectory : Files.createTempDirectory("azid-emulator-");
            pki.export(dir);
            EmulatorState state = EmulatorState.create(config, pki, clock);
            AtomicInteger n = new AtomicInteger();
            ExecutorService executor = Executors.newFixedThreadPool(16, r -> {
                Thread t = new Thread(r, "azid-emulator-" + n.incrementAndGet());
                t.setDaemon(true);
                return t;
            });
            InetAddress loopback = InetAddress.getLoopbackAddress();
            HttpsServer https = HttpsServer.create(new InetSocketAddress(loopback, httpsPort), 128);
            https.setHttpsConfigurator(new HttpsConfigurator(pki.serverContext()));
            HttpServer http = HttpServer.create(new InetSocketAddress(loopback, httpPort), 128);
            String httpsBase = "https://127.0.0.1:" + https.getAddress().getPort();
            String httpBase = "http://127.0.0.1:" + http.getAddress().getPort();
            List<String> bases = List.of(httpsBase, httpBase);
            Path arc = arcKeyDirectory != null ? arcKeyDirectory : dir.resolve("arc-tokens");
            HttpsServer fabric = HttpsServer.create(new InetSocketAddress(loopback, 0), 64);
            fabric.setHttpsConfigurator(new HttpsConfigurator(pki.fabricContext()));
            String fabricBase = "https://127.0.0.1:" + fabric.getAddress().getPort();
            fabric.createContext("/", new Dispatcher(state, fabricBase, true, () -> bases, arc));
            fabric.setExecutor(executor);
            https.createContext("/", new Dispatcher(state, httpsBase, true, () -> bases, arc));
            http.createContext("/", new Dispatcher(state, httpBase, false, () -> bases, arc));
            https.setExecutor(executor);
            http.setExecutor(executor);
            https.start();
            http.start();
            fabric.start();
            return new Running(https, http, fabric, executor, state, dir, arc);
        } catch (IOException e) {
            throw new UncheckedIOException("the emulator could not start: " + e.getMessage(), e);
        }
    }
}
