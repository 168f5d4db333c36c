package dev.azid.emulator;

import dev.azid.emulator.internal.Launcher;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Objects;
import java.util.function.UnaryOperator;

/** Builds and starts an {@link EntraEmulator}. Not thread-safe. */
public final class EntraEmulatorBuilder {
    private EmulatorConfig config;
    private Path configFile;
    private int httpsPort;
    private int httpPort;
    private Path stateDirectory;
    private Clock clock = Clock.systemUTC();
    private Path arcKeyDirectory;
    private UnaryOperator<Dispatcher> dispatcher = UnaryOperator.identity();
    private boolean proxy;

    EntraEmulatorBuilder() {
    }

    /**
     * Sets where the Azure Arc endpoint writes its key files (default: {@code arc-tokens} in the
     * state directory).
     *
     * @param dir the directory
     * @return this builder
     */
    public EntraEmulatorBuilder arcKeyDirectory(Path dir) {
        this.arcKeyDirectory = Objects.requireNonNull(dir, "dir");
        return this;
    }

    /**
     * Sets the directory to serve (default {@link EmulatorConfig#defaults()}).
     *
     * @param config the configuration
     * @return this builder
     */
    public EntraEmulatorBuilder config(EmulatorConfig config) {
        this.config = Objects.requireNonNull(config, "config");
        return this;
    }

    /**
     * Reads the directory from a JSON file at start.
     *
     * @param json the file
     * @return this builder
     */
    public EntraEmulatorBuilder configFile(Path json) {
        this.configFile = Objects.requireNonNull(json, "json");
        return this;
    }

    /**
     * Sets the HTTPS port (default 0: a free port).
     *
     * @param port the port
     * @return this builder
     */
    public EntraEmulatorBuilder httpsPort(int port) {
        this.httpsPort = port;
        return this;
    }

    /**
     * Sets the HTTP port (default 0: a free port).
     *
     * @param port the port
     * @return this builder
     */
    public EntraEmulatorBuilder httpPort(int port) {
        this.httpPort = port;
        return this;
    }

    /**
     * Sets where {@code ca.pem} and {@code truststore.p12} are written (default: a new temporary
     * directory).
     *
     * @param dir the directory
     * @return this builder
     */
    public EntraEmulatorBuilder stateDirectory(Path dir) {
        this.stateDirectory = Objects.requireNonNull(dir, "dir");
        return this;
    }

    /**
     * Sets the clock that stamps and checks tokens (default: the system clock).
     *
     * @param clock the clock
     * @return this builder
     */
    public EntraEmulatorBuilder clock(Clock clock) {
        this.clock = Objects.requireNonNull(clock, "clock");
        return this;
    }

    /**
     * Replaces or wraps the emulator's route table (default: the route table itself). The function is
     * given the route table and returns the dispatcher every listener uses; requests are still logged,
     * faults still injected and {@code client-request-id} still echoed around it.
     *
     * <pre>{@code
     * builder.dispatcher(routes -> call -> call.path().startsWith("/custom") ? myReply(call) : routes.dispatch(call));
     * }</pre>
     *
     * @param wrap takes the route table, returns the dispatcher to use (not {@code null})
     * @return this builder
     */
    public EntraEmulatorBuilder dispatcher(UnaryOperator<Dispatcher> wrap) {
        UnaryOperator<Dispatcher> w = Objects.requireNonNull(wrap, "wrap");
        this.dispatcher = routes -> Objects.requireNonNull(w.apply(routes), "the dispatcher function returned null");
        return this;
    }

    /**
     * Turns transparent mode on or off (default off). When on, the emulator also runs an HTTP proxy on 127.0.0.1
     * ({@link EmulatorEndpoints#proxyUrl()}) that accepts {@code CONNECT} to the real Entra ID hosts
     * ({@code login.microsoftonline.com} and its aliases, the sovereign clouds' login hosts), Resource Manager hosts
     * and Key Vault hosts ({@code *.vault.azure.net} and sovereign forms) on port 443, and serves the emulator there
     * with a certificate for that name issued by the emulator's CA. Unmodified clients then need only
     * {@code HTTPS_PROXY} and trust of the CA. Every other host is refused with 403; nothing is forwarded.
     *
     * @param on whether to run the proxy
     * @return this builder
     */
    public EntraEmulatorBuilder proxy(boolean on) {
        this.proxy = on;
        return this;
    }

    /**
     * Generates keys, binds 127.0.0.1 and starts serving.
     *
     * @return the running emulator
     * @throws java.io.UncheckedIOException if a port cannot be bound or the state directory written
     */
    public EntraEmulator start() {
        EmulatorConfig cfg = configFile != null ? EmulatorConfig.parse(configFile)
                : config != null ? config : EmulatorConfig.defaults();
        return new EntraEmulator(Launcher.start(new Launcher.Settings(cfg, clock, httpsPort, httpPort, stateDirectory,
                arcKeyDirectory, dispatcher, proxy)));
    }
}
