package dev.azid.internal.process;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * Starts a program from an argument list (never through a shell) and collects its output: the only
 * way azid runs another process. Tests pass fakes or write small scripts.
 */
@FunctionalInterface
public interface ProcessRunner {

    /**
     * Runs a program to completion or until the timeout, when it and its descendants are killed.
     *
     * @param argv the absolute executable path, then its arguments
     * @param extraEnvironment variables added to (or replacing in) the inherited environment
     * @param workingDirectory where it runs
     * @param timeout the most time it may take
     * @return what it printed and how it ended
     * @throws IOException if it could not be started (for example the file is not executable)
     */
    ProcessResult run(List<String> argv, Map<String, String> extraEnvironment, Path workingDirectory, Duration timeout)
            throws IOException;

    /**
     * The JDK's {@link ProcessBuilder}.
     *
     * @return the default runner
     */
    static ProcessRunner system() {
        return new SystemProcessRunner();
    }
}
