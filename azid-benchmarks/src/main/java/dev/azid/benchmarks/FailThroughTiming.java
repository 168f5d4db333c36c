package dev.azid.benchmarks;

import dev.azid.CredentialOptions;
import dev.azid.CredentialUnavailableException;
import dev.azid.DefaultAzureCredential;
import dev.azid.Environment;
import dev.azid.TokenRequestContext;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Whole-chain timing: how long DefaultAzureCredential takes to give up on a machine with nothing
 * configured, when the IMDS address refuses connections (a closed port) and when it accepts and
 * never answers (a black hole). Run with {@code java -cp azid-benchmarks/target/benchmarks.jar
 * dev.azid.benchmarks.FailThroughTiming}.
 */
public final class FailThroughTiming {

    private FailThroughTiming() {
    }

    /**
     * Entry point.
     *
     * @param args ignored
     * @throws IOException if a socket cannot be opened
     */
    public static void main(String[] args) throws IOException {
        String emptyPath = Files.createTempDirectory("azid-empty-path").toString();
        int closed;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closed = s.getLocalPort();
        }
        report("closed IMDS port", closed, emptyPath);
        try (ServerSocket silent = new ServerSocket(0, 100, InetAddress.getLoopbackAddress())) {
            List<Socket> held = new ArrayList<>();
            Thread acceptor = new Thread(() -> {
                try {
                    while (true) {
                        held.add(silent.accept());
                    }
                } catch (IOException e) {
                    // The server socket was closed.
                }
            });
            acceptor.setDaemon(true);
            acceptor.start();
            report("silent IMDS port", silent.getLocalPort(), emptyPath);
        }
    }

    private static void report(String what, int port, String emptyPath) {
        long[] ms = new long[7];
        for (int i = 0; i < ms.length; i++) {
            DefaultAzureCredential dac = DefaultAzureCredential.builder().options(CredentialOptions.builder().environment(Environment.of(Map.of(
                    "PATH", emptyPath, "AZURE_POD_IDENTITY_AUTHORITY_HOST", "http://127.0.0.1:" + port))).build()).build();
            long start = System.nanoTime();
            try {
                dac.getToken(TokenRequestContext.of("https://management.azure.com/.default"));
            } catch (CredentialUnavailableException expected) {
                ms[i] = (System.nanoTime() - start) / 1_000_000;
            }
        }
        long[] sorted = ms.clone();
        Arrays.sort(sorted);
        System.out.printf("%-18s whole chain gives up in: median %d ms, min %d ms, max %d ms (runs: %s)%n", what,
                sorted[sorted.length / 2], sorted[0], sorted[sorted.length - 1], Arrays.toString(ms));
    }
}
