package dev.azid.cli;

import dev.azid.http.HttpTransport;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/**
 * The {@code --ca-file} option of the commands that call Entra ID or Azure Resource Manager, and the
 * transport it makes: one that trusts only the file's certificates, or the JVM's trust without it.
 */
final class CaFileOption {

    @Option(names = "--ca-file", description = "Trust only the CA certificate(s) in this PEM file (e.g. the emulator's).")
    Path caFile;

    /**
     * The transport the command sends with.
     *
     * @param context where transports are made
     * @return a transport trusting the file's certificates, or the default trust when no file is given
     */
    HttpTransport transport(CliContext context) {
        return context.transports().apply(caFile == null ? null : Pem.trusting(caFile));
    }
}
