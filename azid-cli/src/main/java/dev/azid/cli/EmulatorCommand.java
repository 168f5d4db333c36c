package dev.azid.cli;

import dev.azid.emulator.EmulatorMain;
import dev.azid.emulator.EntraEmulator;
import dev.azid.emulator.EntraEmulatorBuilder;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code azid emulator}: runs the emulator until the process is stopped. */
@Command(name = "emulator", mixinStandardHelpOptions = true,
        description = "Run the local Entra ID + ARM emulator; prints one JSON line with its URLs, then serves until stopped.")
final class EmulatorCommand implements Callable<Integer> {

    @Option(names = "--config", description = "A JSON configuration file (see azid-emulator/README.md).")
    Path config;

    @Option(names = "--port", defaultValue = "0", description = "HTTPS port (0 = a free port).")
    int port;

    @Option(names = "--http-port", defaultValue = "0", description = "HTTP port (0 = a free port).")
    int httpPort;

    @Option(names = "--state-dir", description = "Where ca.pem and truststore.p12 are written.")
    Path stateDir;

    @Option(names = "--proxy", description = "Transparent mode: also run an HTTP proxy (proxyUrl, for HTTPS_PROXY) "
            + "serving the real Entra, ARM and Key Vault host names; every other host is refused.")
    boolean proxy;

    private final CliContext context;

    EmulatorCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() throws InterruptedException {
        if (port < 0 || port > 65535 || httpPort < 0 || httpPort > 65535) {
            throw new IllegalArgumentException("ports must be from 0 to 65535");
        }
        EntraEmulatorBuilder b = EntraEmulator.builder().httpsPort(port).httpPort(httpPort).proxy(proxy);
        if (config != null) {
            b.configFile(config);
        }
        if (stateDir != null) {
            b.stateDirectory(stateDir);
        }
        try (EntraEmulator emulator = b.start()) {
            Runtime.getRuntime().addShutdownHook(new Thread(emulator::close, "azid-emulator-shutdown"));
            java.io.ByteArrayOutputStream line = new java.io.ByteArrayOutputStream();
            EmulatorMain.printStartLine(emulator, new PrintStream(line, true, StandardCharsets.UTF_8));
            context.out().print(line.toString(StandardCharsets.UTF_8));
            context.out().flush();
            new CountDownLatch(1).await();
        }
        return AzidMain.OK;
    }
}
