package dev.azid.emulator.internal;

import com.sun.net.httpserver.HttpServer;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import dev.azid.emulator.Dispatcher;
import dev.azid.emulator.EmulatorConfig;
import dev.azid.emulator.EmulatorEndpoints;
import dev.azid.emulator.Faults;
import dev.azid.emulator.RequestLog;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.UnaryOperator;

/** Generates the keys, binds the listeners on 127.0.0.1 and starts serving. */
public final class Launcher {

    private Launcher() {
    }

    /**
     * What to start.
     *
     * @param config the directory
     * @param clock the clock
     * @param httpsPort the HTTPS port, 0 for a free one
     * @param httpPort the HTTP port, 0 for a free one
     * @param stateDirectory where to write the CA, or {@code null} for a new temporary directory
     * @param arcKeyDirectory where Arc key files go, or {@code null} for one in the state directory
     * @param dispatcher given the route table, returns the dispatcher to serve with
     * @param proxy whether to run transparent mode (the proxy serving the real host names)
     */
    public record Settings(EmulatorConfig config, Clock clock, int httpsPort, int httpPort, Path stateDirectory,
            Path arcKeyDirectory, UnaryOperator<Dispatcher> dispatcher, boolean proxy) {
    }

    /**
     * What a started emulator is made of.
     *
     * @param https the HTTPS listener
     * @param http the HTTP listener
     * @param fabric the Service Fabric listener (HTTPS with a self-signed certificate)
     * @param executor their threads
     * @param endpoints where they serve
     * @param config the directory
     * @param pki the keys and certificates
     * @param tokens the token signer
     * @param clock the clock
     * @param log the request log
     * @param faults the fault rules
     * @param routes the route table (whose handlers hold the protocols' state)
     * @param transparent transparent mode's proxy and listener, or {@code null} when it is off
     */
    public record Running(HttpsServer https, HttpServer http, HttpsServer fabric, ExecutorService executor,
            EmulatorEndpoints endpoints, EmulatorConfig config, Pki pki, Tokens tokens, Clock clock, RequestLog log,
            Faults faults, Routes routes, TransparentMode transparent) {

        /**
         * Signs a federated token of the emulator's external issuer, valid one hour.
         *
         * @param subject the {@code sub}
         * @return the token
         */
        public String federatedToken(String subject) {
            return FederationIssuer.token(tokens, clock, subject, "api://AzureADTokenExchange", 3600);
        }
    }

    /**
     * Starts the emulator.
     *
     * @param settings what to start
     * @return the running parts
     */
    public static Running start(Settings settings) {
        Pki pki = Pki.generate();
        try {
            Path dir = settings.stateDirectory() != null ? settings.stateDirectory()
                    : Files.createTempDirectory("azid-emulator-");
            pki.export(dir);
            ExecutorService executor = Executors.newFixedThreadPool(16, DaemonThreads.numbered("azid-emulator-"));
            InetAddress loopback = InetAddress.getLoopbackAddress();
            HttpsServer https = HttpsServer.create(new InetSocketAddress(loopback, settings.httpsPort()), 128);
            https.setHttpsConfigurator(new HttpsConfigurator(pki.serverContext()));
            HttpServer http = HttpServer.create(new InetSocketAddress(loopback, settings.httpPort()), 128);
            HttpsServer fabric = HttpsServer.create(new InetSocketAddress(loopback, 0), 64);
            fabric.setHttpsConfigurator(new HttpsConfigurator(pki.fabricContext()));
            String httpsBase = "https://127.0.0.1:" + https.getAddress().getPort();
            String httpBase = "http://127.0.0.1:" + http.getAddress().getPort();
            String fabricBase = "https://127.0.0.1:" + fabric.getAddress().getPort();
            Path arc = settings.arcKeyDirectory() != null ? settings.arcKeyDirectory() : dir.resolve("arc-tokens");
            Tokens tokens = new Tokens(pki);
            Clock clock = settings.clock();
            Directory directory = new Directory(settings.config());
            Routes routes = new Routes(directory, tokens, clock, List.of(httpsBase, httpBase), arc);
            Dispatcher dispatcher = settings.dispatcher().apply(routes);
            RequestLog log = new RequestLog();
            Faults faults = new Faults();
            ListenerContext context = new ListenerContext(dispatcher, faults, log, clock);
            https.createContext("/", new Listener(httpsBase, true, context));
            http.createContext("/", new Listener(httpBase, false, context));
            fabric.createContext("/", new Listener(fabricBase, true, context));
            for (HttpServer server : List.of(https, http, fabric)) {
                server.setExecutor(executor);
                server.start();
            }
            TransparentMode transparent = settings.proxy()
                    ? TransparentMode.start(pki, context, executor) : null;
            EmulatorEndpoints endpoints = new EmulatorEndpoints(URI.create(httpsBase), URI.create(httpBase),
                    URI.create(httpsBase + "/"), URI.create(httpsBase + "/"), dir.resolve("ca.pem"),
                    dir.resolve("truststore.p12"), Pki.TRUST_STORE_PASSWORD, URI.create(httpBase),
                    URI.create(httpBase + "/msi/token"), URI.create(httpBase + "/msi/legacy"),
                    URI.create(httpBase + "/cloudshell/token"), URI.create(httpBase + "/arc/metadata/identity/oauth2/token"),
                    arc, ManagedIdentityHandler.IDENTITY_HEADER,
                    URI.create(fabricBase + "/servicefabric/metadata/identity/oauth2/token"), pki.fabricThumbprint(),
                    URI.create(httpsBase + "/github/idtoken"), URI.create(httpsBase + "/pipelines/oidctoken"),
                    EmulatorConfig.CI_REQUEST_TOKEN, directory.firstTenantId(), directory.firstConfidentialClientId(),
                    transparent == null ? null : transparent.proxyUrl());
            return new Running(https, http, fabric, executor, endpoints, settings.config(), pki, tokens, clock, log, faults,
                    routes, transparent);
        } catch (IOException e) {
            throw new UncheckedIOException("the emulator could not start: " + e.getMessage(), e);
        }
    }
}
