package dev.azid.azure;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * A real Azurite blob service (from {@code tools/azurite}, installed by {@code npm ci}) on 127.0.0.1 over
 * HTTPS with OAuth on, with a self-signed certificate made by {@code keytool} for this run only.
 */
final class Azurite implements AutoCloseable {

    private static final String PFX_PASSWORD = "azurite-test-only";
    private static final long START_TIMEOUT_SECONDS = 60;

    private final Process process;
    private final int port;
    private final SSLContext sslContext;
    private final List<String> output = Collections.synchronizedList(new ArrayList<>());

    private Azurite(Process process, int port, SSLContext sslContext) {
        this.process = process;
        this.port = port;
        this.sslContext = sslContext;
    }

    /**
     * Starts Azurite blob and waits until it listens.
     *
     * @param workDir an empty directory for the certificate and Azurite's workspace
     * @return the running service
     */
    static Azurite start(Path workDir) throws Exception {
        Path main = Path.of(System.getProperty("user.dir")).resolveSibling("tools")
                .resolve("azurite/node_modules/azurite/dist/src/blob/main.js");
        if (!Files.isRegularFile(main)) {
            throw new IllegalStateException("Azurite is not installed at " + main.getParent()
                    + ": run `bash scripts/test-all.sh` (or `cd tools/azurite && npm ci`) first.");
        }
        Path pfx = workDir.resolve("azurite.pfx");
        Path javaHome = Path.of(System.getProperty("java.home"));
        run(workDir.resolve("keytool.log"), List.of(javaHome.resolve("bin/keytool").toString(), "-genkeypair", "-alias", "azurite", "-keyalg", "RSA",
                "-keysize", "2048", "-validity", "2", "-dname", "CN=127.0.0.1", "-ext", "SAN=ip:127.0.0.1,dns:localhost",
                "-storetype", "PKCS12", "-keystore", pfx.toString(), "-storepass", PFX_PASSWORD));
        int port;
        try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        }
        // --skipApiVersionCheck: the pinned SDK may speak a newer storage API version than the pinned Azurite knows.
        Process p = new ProcessBuilder(List.of("node", main.toString(), "--blobHost", "127.0.0.1", "--blobPort",
                String.valueOf(port), "--inMemoryPersistence", "--disableTelemetry",
                "--oauth", "basic", "--cert", pfx.toString(), "--pwd", PFX_PASSWORD, "--loose",
                "--skipApiVersionCheck"))
                .directory(workDir.toFile()).redirectErrorStream(true).start();
        Azurite azurite = new Azurite(p, port, trusting(pfx));
        azurite.awaitListening();
        return azurite;
    }

    /** @return the account endpoint, {@code https://127.0.0.1:<port>/devstoreaccount1} */
    String blobEndpoint() {
        return "https://127.0.0.1:" + port + "/devstoreaccount1";
    }

    /** @return an SSL context that trusts this run's Azurite certificate only */
    SSLContext sslContext() {
        return sslContext;
    }

    /** @return what Azurite printed so far (its access log), for assertions */
    List<String> output() {
        synchronized (output) {
            return List.copyOf(output);
        }
    }

    private void awaitListening() throws Exception {
        CompletableFuture<Void> listening = new CompletableFuture<>();
        Thread reader = new Thread(() -> pump(process.getInputStream(), listening), "azurite-output");
        reader.setDaemon(true);
        reader.start();
        try {
            listening.get(START_TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (Exception e) {
            close();
            throw new IllegalStateException("Azurite did not come up (waited at most " + START_TIMEOUT_SECONDS + " s); it printed: "
                    + output(), e);
        }
    }

    private void pump(InputStream in, CompletableFuture<Void> listening) {
        try (BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            for (String line; (line = r.readLine()) != null; ) {
                output.add(line);
                if (line.contains("successfully listens on")) {
                    listening.complete(null);
                }
            }
        } catch (IOException e) {
            listening.completeExceptionally(e);
        }
        listening.completeExceptionally(new IllegalStateException("Azurite exited"));
    }

    private static SSLContext trusting(Path pfx) throws Exception {
        KeyStore source = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(pfx)) {
            source.load(in, PFX_PASSWORD.toCharArray());
        }
        Certificate cert = source.getCertificate("azurite");
        KeyStore trust = KeyStore.getInstance("PKCS12");
        trust.load(null, null);
        trust.setCertificateEntry("azurite", cert);
        TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        tmf.init(trust);
        SSLContext ctx = SSLContext.getInstance("TLS");
        ctx.init(null, tmf.getTrustManagers(), null);
        return ctx;
    }

    private static void run(Path log, List<String> argv) throws Exception {
        Process p = new ProcessBuilder(argv).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        if (!p.waitFor(60, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new IllegalStateException(argv.get(0) + " did not finish within 60 s");
        }
        if (p.exitValue() != 0) {
            throw new IllegalStateException(argv.get(0) + " failed: " + Files.readString(log));
        }
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }
}
