package dev.azid.internal.devtools;

import dev.azid.CredentialUnavailableException;
import dev.azid.internal.process.ExecutableLookup;
import dev.azid.internal.process.Executables;
import dev.azid.internal.process.ProcessResult;
import dev.azid.internal.redact.Redactor;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Runs a developer tool the same way for every credential: resolved in the absolute directories
 * of {@code PATH} without a shell and started by its absolute path, from a safe working
 * directory, with the timeout, and with "not installed" and "timed out" reported as unavailable.
 */
final class DevToolRunner {

    private DevToolRunner() {
    }

    /**
     * Runs the first of the tool names found in an absolute {@code PATH} directory.
     *
     * @param credentialName the credential, for messages
     * @param settings the settings
     * @param toolNames program names to try, in order (e.g. {@code pwsh}, {@code powershell})
     * @param display how to call the tool in messages, e.g. {@code the Azure CLI ('az')}
     * @param install what to do when it is missing
     * @param args the arguments after the program, from {@link ToolArguments}
     * @param extraEnv variables to add
     * @return the result of a run that finished in time and was not "command not found"
     */
    static ProcessResult run(String credentialName, DevToolSettings settings, List<String> toolNames, String display,
            String install, ToolArguments args, Map<String, String> extraEnv) {
        ExecutableLookup lookup = Executables.lookup(toolNames, settings.environment(), settings.osName());
        Path exe = lookup.executable().orElseThrow(() -> new CredentialUnavailableException(credentialName + ": "
                + display + " is not installed or not on PATH (" + lookup.describe() + "). " + install + "."));
        List<String> argv = new ArrayList<>();
        argv.add(exe.toString());
        argv.addAll(args.list());
        ProcessResult result;
        try {
            result = settings.runner().run(argv, extraEnv,
                    Executables.safeWorkingDirectory(settings.environment(), settings.osName()), settings.timeout());
        } catch (IOException e) {
            throw new CredentialUnavailableException(credentialName + ": " + display + " at " + exe
                    + " could not be started (" + Redactor.SHAPES.redact(e.getMessage()) + "). " + install + ".");
        }
        if (result.timedOut()) {
            throw new CredentialUnavailableException(credentialName + ": " + display + " did not finish within "
                    + settings.timeout().toSeconds() + " s and was stopped. Raise processTimeout, or run the tool in a "
                    + "terminal to see why it is slow.");
        }
        String lower = (result.stderr() + "\n" + result.stdout()).toLowerCase(Locale.ROOT);
        if (result.exitCode() == 127 || lower.contains("is not recognized as") || lower.contains("command not found")) {
            throw new CredentialUnavailableException(credentialName + ": " + display + " is not installed. " + install + ".");
        }
        return result;
    }

    /**
     * Whether output mentions a phrase, case-insensitively.
     *
     * @param result the result
     * @param phrase the phrase
     * @return whether stdout or stderr contains it
     */
    static boolean mentions(ProcessResult result, String phrase) {
        String p = phrase.toLowerCase(Locale.ROOT);
        return result.stderr().toLowerCase(Locale.ROOT).contains(p) || result.stdout().toLowerCase(Locale.ROOT).contains(p);
    }
}
