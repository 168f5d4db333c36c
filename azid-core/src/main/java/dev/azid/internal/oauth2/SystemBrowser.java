package dev.azid.internal.oauth2;

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
 * (macOS) or {@code rundll32 url.dll,FileProtocolHandler} (Windows); when none works, the URL is
 * printed to standard error for the user to open.
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
        String os = osName.toLowerCase(Locale.ROOT);
        Optional<List<String>> argv;
        if (os.startsWith("windows")) {
            argv = Optional.of(List.of("rundll32", "url.dll,FileProtocolHandler", url.toString()));
        } else {
            String opener = os.startsWith("mac") ? "open" : "xdg-open";
            argv = Executables.find(opener, environment, osName).map(p -> List.of(p.toString(), url.toString()));
        }
        if (argv.isPresent()) {
            try {
                if (runner.run(argv.get(), Map.of(), Path.of(System.getProperty("java.io.tmpdir")), Duration.ofSeconds(10))
                        .exitCode() == 0) {
                    return;
                }
            } catch (IOException e) {
                // Fall through to printing the URL.
            }
        }
        System.err.println("To sign in, open this page in a browser: " + url);
    }
}
