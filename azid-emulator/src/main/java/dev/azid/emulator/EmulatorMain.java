package dev.azid.emulator;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;

/**
 * Runs the emulator standalone: {@code java -jar azid-emulator.jar [--config F] [--port N]
 * [--http-port N] [--state-dir D] [--arc-key-dir D] [--proxy]}. Prints one JSON line with its URLs on standard output, then
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
            if (a.equals("--proxy")) {
                b.proxy(true);
                continue;
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
                case "--arc-key-dir" -> b.arcKeyDirectory(Path.of(v));
                default -> throw new IllegalArgumentException("unknown argument: " + a);
            }
        }
        return b;
    }

    /**
     * Prints the single start line: {@link EmulatorEndpoints#toJson()}.
     *
     * @param emulator the running emulator
     * @param out where to print
     */
    public static void printStartLine(EntraEmulator emulator, PrintStream out) {
        out.println(emulator.endpoints().toJson());
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
        return "usage: azid-emulator [--config FILE] [--port HTTPS_PORT] [--http-port HTTP_PORT] [--state-dir DIR]"
                + " [--arc-key-dir DIR] [--proxy]";
    }
}
