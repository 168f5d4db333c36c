package dev.azid.cli;

import dev.azid.AuthenticationFailedException;
import dev.azid.CredentialUnavailableException;
import java.util.Arrays;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * The {@code azid} command. Exit codes: 0 success, 1 authentication failed (or another failure),
 * 2 usage error, 3 credential unavailable.
 */
@Command(name = "azid", mixinStandardHelpOptions = true, versionProvider = AzidMain.Version.class,
        description = "Microsoft Entra ID tokens from the command line, and a local Entra ID emulator.",
        subcommands = {TokenCommand.class, DoctorCommand.class, WhoamiCommand.class, CloudCommand.class,
            EmulatorCommand.class, DemoCommand.class})
public final class AzidMain implements Runnable {

    /** Exit code: success. */
    public static final int OK = 0;
    /** Exit code: authentication failed, or another failure. */
    public static final int FAILED = 1;
    /** Exit code: usage error. */
    public static final int USAGE = 2;
    /** Exit code: credential unavailable. */
    public static final int UNAVAILABLE = 3;

    @Option(names = "--debug", scope = CommandLine.ScopeType.INHERIT,
            description = "Show stack traces and debug logging.")
    boolean debug;

    final CliContext context;

    /**
     * Creates the command.
     *
     * @param context the environment and streams
     */
    public AzidMain(CliContext context) {
        this.context = context;
    }

    @Override
    public void run() {
        new CommandLine(this).usage(context.out());
    }

    /**
     * Runs a command line in-process.
     *
     * @param context the environment and streams
     * @param args the arguments
     * @return the exit code
     */
    public static int execute(CliContext context, String... args) {
        AzidMain main = new AzidMain(context);
        CommandLine cl = new CommandLine(main, new Factory(main));
        cl.setOut(context.out());
        cl.setErr(context.err());
        cl.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
            int code = e instanceof CredentialUnavailableException ? UNAVAILABLE
                    : e instanceof IllegalArgumentException ? USAGE : FAILED;
            // A cloud that cannot be discovered is a failure, not a usage error.
            String what = e instanceof CredentialUnavailableException ? "credential unavailable"
                    : e instanceof AuthenticationFailedException ? "authentication failed" : "error";
            context.err().println("azid: " + what + ": " + e.getMessage());
            if (main.debug) {
                e.printStackTrace(context.err());
            } else if (!(e instanceof dev.azid.CredentialException) && !(e instanceof IllegalArgumentException)) {
                context.err().println("(run with --debug for the stack trace)");
            }
            context.err().flush();
            return code;
        });
        int code = cl.execute(args);
        context.out().flush();
        context.err().flush();
        return code;
    }

    /**
     * Entry point.
     *
     * @param args the arguments
     */
    public static void main(String[] args) {
        // slf4j-simple reads its level once, when the first logger is made: set it before anything logs.
        boolean debug = Arrays.asList(args).contains("--debug");
        System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", debug ? "debug" : "warn");
        System.setProperty("org.slf4j.simpleLogger.logFile", "System.err");
        System.exit(execute(CliContext.system(), args));
    }

    /** Gives subcommands the context. */
    private static final class Factory implements CommandLine.IFactory {
        private final AzidMain main;

        Factory(AzidMain main) {
            this.main = main;
        }

        @Override
        public <K> K create(Class<K> cls) throws Exception {
            if (cls == TokenCommand.class) {
                return cls.cast(new TokenCommand(main.context));
            }
            if (cls == EmulatorCommand.class) {
                return cls.cast(new EmulatorCommand(main.context));
            }
            if (cls == DemoCommand.class) {
                return cls.cast(new DemoCommand(main.context));
            }
            if (cls == DoctorCommand.class) {
                return cls.cast(new DoctorCommand(main.context));
            }
            if (cls == WhoamiCommand.class) {
                return cls.cast(new WhoamiCommand(main.context));
            }
            if (cls == CloudCommand.ListClouds.class) {
                return cls.cast(new CloudCommand.ListClouds(main.context));
            }
            if (cls == CloudCommand.Show.class) {
                return cls.cast(new CloudCommand.Show(main.context));
            }
            if (cls == CloudCommand.Discover.class) {
                return cls.cast(new CloudCommand.Discover(main.context));
            }
            return CommandLine.defaultFactory().create(cls);
        }
    }

    /** Reads the version from the jar manifest. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String v = AzidMain.class.getPackage().getImplementationVersion();
            return new String[] {"azid " + (v == null ? "dev" : v) + " (Java " + Runtime.version() + ")"};
        }
    }
}
