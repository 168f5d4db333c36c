package dev.azid.emulator;

import dev.azid.emulator.internal.Json;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

/**
 * Runs the emulator standalone: {@code java -jar azid-emulator.jar [--config F] [--port N]
 * [--http-port N] [--state-dir D]}. Prints one JSON line with its URLs on standard output, then
 * serves until the process is stopped. Exit code 2 for bad arguments.
 */
public final class EmulatorMain {

    private EmulatorMain() {
    }

    /**
     * Entry point.
     *
     * @param args the command line
     * @throws InterruptedException never in practice: the main thread waits until the JVM stops
     */
    public static void main(String[] args) throws InterruptedException {
        EntraEmulatorBuilder builder;
        try {
            builder = parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println("azid-emulator: " + e.getMessage());
            System.err.println(usage());
            System.exit(2);
            return;
        }
        if (builder == null) {
            System.out.println(usage());
            return;
        }
        EntraEmulator emulator = builder.start();
        Runtime.getRuntime().addShutdownHook(new Thread(emulator::close, "azid-emulator-shutdown"));
        printStartLine(emulator, System.out);
        new CountDownLatch(1).await();
    }

    /**
     * Parses arguments into a builder.
     *
     * @param args the command line
     * @return the builder, or {@code null} for {@code --help}
     * @throws IllegalArgumentException for a bad argument
     */
    public static EntraEmulatorBuilder parse(String[] args) {
        EntraEmulatorBuilder b = EntraEmulator.builder();
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            if (a.equals("--help") || a.equals("-h")) {
                return null;
            }
            if (i + 1 >= args.length) {
                throw new IllegalArgumentException("unknown or incomplete argument: " + a);
            }
            String v = args[++i];
            switch (a) {
                case "--config" -> b.configFile(Path.of(v));
                case "--port" -> b.httpsPort(port(v, a));
                case "--http-port" -> b.httpPort(port(v, a));
                case "--state-dir" -> b.stateDirectory(Path.of(v));
                default -> throw new IllegalArgumentException("unknown argument: " + a);
            }
        }
        return b;
    }

    /**
     * Prints the single start line.
     *
     * @param emulator the running emulator
     * @param out where to print
     */
    public static void printStartLine(EntraEmulator emulator, PrintStream out) {
        Map<String, Object> line = new LinkedHashMap<>();
        line.put("authorityHost", emulator.authorityHost().toString());
        line.put("httpAuthorityHost", emulator.httpAuthorityHost().toString());
        line.put("armEndpoint", emulator.armEndpoint().toString());
        line.put("caCertificate", emulator.caCertificatePem().toAbsolutePath().toString());
        line.put("trustStore", emulator.trustStore().toAbsolutePath().toString());
        line.put("trustStorePassword", emulator.trustStorePassword());
        line.put("imdsEndpoint", emulator.imdsEndpoint().toString());
        line.put("appServiceEndpoint", emulator.appServiceEndpoint().toString());
        line.put("legacyMsiEndpoint", emulator.legacyMsiEndpoint().toString());
        line.put("cloudShellEndpoint", emulator.cloudShellEndpoint().toString());
        line.put("arcIdentityEndpoint", emulator.arcIdentityEndpoint().toString());
        line.put("arcKeyDirectory", emulator.arcKeyDirectory().toAbsolutePath().toString());
        line.put("identityHeader", emulator.identityHeader());
        line.put("serviceFabricEndpoint", emulator.serviceFabricEndpoint().toString());
        line.put("serviceFabricThumbprint", emulator.serviceFabricThumbprint());
        line.put("githubTokenEndpoint", emulator.githubTokenEndpoint().toString());
        line.put("pipelinesTokenEndpoint", emulator.pipelinesTokenEndpoint().toString());
        line.put("ciRequestToken", EmulatorConfig.CI_REQUEST_TOKEN);
        line.put("tenantId", EmulatorConfig.DEFAULT_TENANT_ID);
        line.put("clientId", EmulatorConfig.DEFAULT_CLIENT_ID);
        out.println(Json.write(line));
        out.flush();
    }

    private static int port(String v, String flag) {
        try {
            int p = Integer.parseInt(v);
            if (p < 0 || p > 65535) {
                throw new NumberFormatException();
            }
            return p;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(flag + " must be a port number from 0 to 65535, not '" + v + "'");
        }
    }

    private static String usage() {
        return "usage: azid-emulator [--config FILE] [--port HTTPS_PORT] [--http-port HTTP_PORT] [--state-dir DIR]";
    }
}
