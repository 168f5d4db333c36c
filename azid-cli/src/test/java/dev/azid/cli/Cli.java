package dev.azid.cli;

import dev.azid.Environment;
import dev.azid.SharedTokenStore;
import dev.azid.http.HttpTransport;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Clock;
import java.util.Map;
import java.util.function.UnaryOperator;
import picocli.CommandLine;

/** Runs the command in-process with a given environment and captures its output. */
final class Cli {

    final StringWriter out = new StringWriter();
    final StringWriter err = new StringWriter();
    int code;

    static Cli run(Map<String, String> env, String... args) {
        Cli cli = new Cli();
        CliContext ctx = new CliContext(Environment.of(env), new PrintWriter(cli.out, true), new PrintWriter(cli.err, true),
                ssl -> ssl == null ? HttpTransport.defaultTransport() : HttpTransport.builder().sslContext(ssl).build(),
                Clock.systemUTC());
        cli.code = AzidMain.execute(ctx, args);
        return cli;
    }

    /** Runs {@code azid doctor} with a seam for the shared store the options name. */
    static Cli doctor(Map<String, String> env, UnaryOperator<SharedTokenStore> stores, String... args) {
        Cli cli = new Cli();
        CliContext ctx = new CliContext(Environment.of(env), new PrintWriter(cli.out, true), new PrintWriter(cli.err, true),
                ssl -> ssl == null ? HttpTransport.defaultTransport() : HttpTransport.builder().sslContext(ssl).build(),
                Clock.systemUTC());
        CommandLine cl = new CommandLine(new DoctorCommand(ctx, stores));
        cl.setOut(ctx.out());
        cl.setErr(ctx.err());
        cli.code = cl.execute(args);
        return cli;
    }

    String out() {
        return out.toString();
    }

    String err() {
        return err.toString();
    }
}
