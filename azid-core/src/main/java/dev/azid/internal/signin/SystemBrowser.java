package dev.azid.internal.signin;

import dev.azid.Environment;
import dev.azid.internal.process.Executables;
import dev.azid.internal.process.ProcessRunner;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Opens a URL in the user's browser without a shell: {@code xdg-open} (Linux), {@code open}
 * (macOS) or {@code rundll32 url.dll,FileProtocolHandler} (Windows), each found in an absolute
 * {@code PATH} directory, started by its absolute path from a safe working directory; when none
 * works, the URL is printed to standard error for the user to open.
 */
public final class SystemBrowser implements Consumer<URI> {

    private final Environment environment;
    private final String osName;
    private final ProcessRunner runner;

    /**
     * Creates it.
     *
     * @param environment supplies {@code PATH}
     * @param osName {@code os.name}
     * @param runner starts the opener
     */
    public SystemBrowser(Environment environment, String osName, ProcessRunner runner) {
        this.environment = environment;
        this.osName = osName;
        this.runner = runner;
    }

    @Override
    public void accept(URI url) {
        String link = url.toString();
        String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
        // Only a web address is handed to an opener; one starting with '-' could not be, but is never passed.
        if ((scheme.equals("https") || scheme.equals("http")) && !link.startsWith("-") && open(link)) {
            return;
        }
        System.err.println("To sign in, open this page in a browser: " + url);
    }

    /** Runs the platform's opener, found like every other tool in an absolute PATH directory. */
    private boolean open(String link) {
        String os = osName.toLowerCase(Locale.ROOT);
        boolean windows = os.startsWith("windows");
        String opener = windows ? "rundll32" : os.startsWith("mac") ? "open" : "xdg-open";
        Optional<Path> exe = Executables.find(opener, environment, osName);
        if (exe.isEmpty()) {
            return false;
        }
        List<String> argv = windows ? List.of(exe.get().toString(), "url.dll,FileProtocolHandler", link)
                : List.of(exe.get().toString(), link);
        try {
            return runner.run(argv, Map.of(), Executables.safeWorkingDirectory(environment, osName), Duration.ofSeconds(10))
                    .exitCode() == 0;
        } catch (IOException e) {
            return false;
        }
    }
}
