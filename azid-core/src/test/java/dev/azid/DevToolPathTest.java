package dev.azid;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Issue 11 class 4, through the public credentials and real processes: a tool planted in a
 * directory that a relative PATH entry names (resolved against the working directory) never runs;
 * the one in an absolute entry does; a miss lists where it looked.
 */
class DevToolPathTest {

    /** The tools' answers expire at 11:00 on this fixed clock's day. */
    private static final Clock NOW = Clock.fixed(Instant.parse("2026-11-24T10:00:00Z"), ZoneOffset.UTC);

    private static final String ARM = "https://management.azure.com/.default";
    private static final String TOKEN = "eyJ0eXAiOiJKV1QifQ.eyJhdWQiOiJwYXRoIn0.c2lnbmF0dXJl";

    @TempDir
    Path absolute;

    private Path planted;
    private String relative;

    @BeforeEach
    void plantUnderWorkingDirectory() throws Exception {
        Path cwd = Path.of("").toAbsolutePath();
        planted = Files.createTempDirectory(Files.createDirectories(cwd.resolve("target")), "planted-tools-");
        relative = cwd.relativize(planted).toString();
    }

    @AfterEach
    void removePlanted() throws Exception {
        try (Stream<Path> files = Files.walk(planted)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    /** Writes a tool that leaves a marker file beside itself and answers with a token. */
    private static void tool(Path dir, String name) throws Exception {
        String answer = switch (name) {
            case "az" -> "{\"accessToken\":\"" + TOKEN + "\",\"expires_on\":1795518000}";
            case "azd" -> "{\"token\":\"" + TOKEN + "\",\"expiresOn\":\"2026-11-24T11:00:00Z\"}";
            default -> "{\"Token\":\"" + TOKEN + "\",\"ExpiresOn\":1795518000}";
        };
        Path p = dir.resolve(name);
        Files.writeString(p, "#!/bin/sh\ntouch " + dir.resolve(name + ".ran") + "\necho '" + answer + "'\n");
        Files.setPosixFilePermissions(p, PosixFilePermissions.fromString("rwxr-xr-x"));
    }

    private static TokenCredential credential(String name, String path) {
        Environment env = Environment.of(Map.of("PATH", path));
        return switch (name) {
            case "az" -> AzureCliCredential.builder().options(CredentialOptions.builder().environment(env).clock(NOW).build()).localZone(ZoneOffset.UTC).osName("Linux").build();
            case "azd" -> AzureDeveloperCliCredential.builder().options(CredentialOptions.builder().environment(env).clock(NOW).build()).localZone(ZoneOffset.UTC).osName("Linux")
                    .processTimeout(Duration.ofSeconds(10)).build();
            default -> AzurePowerShellCredential.builder().options(CredentialOptions.builder().environment(env).clock(NOW).build()).localZone(ZoneOffset.UTC).osName("Linux").build();
        };
    }

    @ParameterizedTest
    @ValueSource(strings = {"az", "azd", "pwsh"})
    void getToken_toolOnlyInRelativePathEntries_unavailableListingWhereItLooked(String name) throws Exception {
        tool(planted, name);
        String path = String.join(":", relative, "./" + relative, "", "/nonexistent-azid");
        assertThatThrownBy(() -> credential(name, path).getToken(TokenRequestContext.of(ARM)))
                .isInstanceOf(CredentialUnavailableException.class)
                .hasMessageContaining("is not installed or not on PATH (searched the PATH directories /nonexistent-azid; "
                        + "ignored the relative PATH entries '" + relative + "', './" + relative + "', '' (empty), which "
                        + "depend on the working directory (use absolute directories in PATH)).");
        assertThat(planted.resolve(name + ".ran")).as("the planted tool must never run").doesNotExist();
    }

    @ParameterizedTest
    @ValueSource(strings = {"az", "azd", "pwsh"})
    void getToken_relativeEntryBeforeAbsoluteOne_absoluteToolRuns(String name) throws Exception {
        tool(planted, name);
        tool(absolute, name);
        AccessToken t = credential(name, relative + ":" + absolute).getToken(TokenRequestContext.of(ARM));
        assertThat(t.token()).isEqualTo(TOKEN);
        assertThat(absolute.resolve(name + ".ran")).exists();
        assertThat(planted.resolve(name + ".ran")).doesNotExist();
    }
}
