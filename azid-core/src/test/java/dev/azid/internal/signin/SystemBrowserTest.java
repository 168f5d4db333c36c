package dev.azid.internal.signin;

import static org.assertj.core.api.Assertions.assertThat;

import dev.azid.Environment;
import dev.azid.test.RecordingRunner;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Issue 11 class 4 for the browser opener: found like every tool, in absolute PATH directories only. */
class SystemBrowserTest {

    private static final URI SIGN_IN = URI.create("https://login.microsoftonline.com/common/oauth2/v2.0/authorize?x=1");

    @TempDir
    Path bin;

    private final RecordingRunner runner = new RecordingRunner();

    private SystemBrowser browser(String path, String os) {
        return new SystemBrowser(Environment.of(Map.of("PATH", path)), os, runner);
    }

    @Test
    void accept_openerInAbsolutePathDirectory_runByAbsolutePathFromSafeDirectory() throws Exception {
        RecordingRunner.placeholders(bin, "xdg-open", "open");
        browser(bin.toString(), "Linux").accept(SIGN_IN);
        browser(bin.toString(), "Mac OS X").accept(SIGN_IN);
        assertThat(runner.runs()).containsExactly(List.of(bin.resolve("xdg-open").toString(), SIGN_IN.toString()),
                List.of(bin.resolve("open").toString(), SIGN_IN.toString()));
        assertThat(runner.directories()).containsOnly(Path.of("/bin"));
    }

    @Test
    void accept_openerOnlyInRelativePathEntry_neverRun() throws Exception {
        Path cwd = Path.of("").toAbsolutePath();
        Path planted = Files.createTempDirectory(Files.createDirectories(cwd.resolve("target")), "planted-opener-");
        try {
            RecordingRunner.placeholders(planted, "xdg-open");
            String rel = cwd.relativize(planted).toString();
            browser(rel + ":./" + rel + ":", "Linux").accept(SIGN_IN);
            assertThat(runner.runs()).isEmpty();
        } finally {
            Files.delete(planted.resolve("xdg-open"));
            Files.delete(planted);
        }
    }

    @Test
    void accept_windowsWithoutRundll32OnPath_neverRunsABareName() {
        browser("", "Windows 11").accept(SIGN_IN);
        assertThat(runner.runs()).as("a bare 'rundll32' would be searched for in the working directory first").isEmpty();
    }

    @Test
    void accept_notAWebAddress_neverHandedToTheOpener() throws Exception {
        RecordingRunner.placeholders(bin, "xdg-open");
        browser(bin.toString(), "Linux").accept(URI.create("file:///etc/passwd"));
        browser(bin.toString(), "Linux").accept(URI.create("-x"));
        assertThat(runner.runs()).isEmpty();
    }
}
