package dev.azid.cli;

import dev.azid.Environment;
import dev.azid.http.HttpTransport;
import java.io.PrintWriter;
import java.time.Clock;
import java.util.function.Function;
import javax.net.ssl.SSLContext;

/**
 * What commands use instead of global state: the environment, the output streams, the clock, and how
 * to make an HTTP transport (given an optional TLS context), so tests run commands in-process.
 *
 * @param environment where credentials read variables
 * @param out standard output
 * @param err standard error
 * @param transports makes a transport; the argument is {@code null} for the JVM's default trust
 * @param clock what time it is, for what commands print about expiry
 */
public record CliContext(Environment environment, PrintWriter out, PrintWriter err,
        Function<SSLContext, HttpTransport> transports, Clock clock) {

    /**
     * The real process: system environment and streams, default transports.
     *
     * @return the context
     */
    public static CliContext system() {
        return new CliContext(Environment.system(), new PrintWriter(System.out, true), new PrintWriter(System.err, true),
                ssl -> ssl == null ? HttpTransport.defaultTransport() : HttpTransport.builder().sslContext(ssl).build(),
                Clock.systemUTC());
    }
}
