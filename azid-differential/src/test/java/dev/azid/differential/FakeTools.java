package dev.azid.differential;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;

/**
 * Fake {@code az}, {@code azd} and {@code pwsh}: POSIX shell scripts using only shell built-ins and
 * absolute paths, so that {@code PATH} can be the fakes' directory alone (the machine's real tools are
 * never found). Each appends its argv to a call log and acts as its mode file says ({@link Probe.ToolMode});
 * the child JVM switches modes between probes, and makes a tool absent by removing it from {@code bin}.
 */
final class FakeTools {

    static final List<String> NAMES = List.of("az", "azd", "pwsh");
    /** Separates a call's arguments in the call log. */
    static final char SEPARATOR = '\u001f';

    private final Path dir;

    FakeTools(Path dir) {
        this.dir = dir;
    }

    /** @return the directory to put on {@code PATH} */
    Path bin() {
        return dir.resolve("bin");
    }

    /** @return the call log: one line per run, tool name and arguments separated by {@link #SEPARATOR} */
    Path calls() {
        return dir.resolve("calls");
    }

    /**
     * Writes the scripts (parent side).
     *
     * @param side {@code reference} or {@code azid}: each library's PowerShell script prints the token in its own shape
     * @param tenant the tenant the fake tools claim to be signed in to
     */
    void install(String side, String tenant) {
        try {
            Files.createDirectories(bin());
            Files.writeString(calls(), "");
            Instant expires = Instant.now().plusSeconds(3600).truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
            String local = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSSSSS").format(expires.atZone(java.time.ZoneId.systemDefault()));
            script("az", "{\"accessToken\":\"fake-az-token\",\"expiresOn\":\"" + local + "\",\"expires_on\":"
                    + expires.getEpochSecond() + ",\"subscription\":\"5b2d0000-0000-4000-8000-00000005cb01\",\"tenant\":\""
                    + tenant + "\",\"tokenType\":\"Bearer\"}",
                    "ERROR: Please run 'az login' to setup account.",
                    "ERROR: AADSTS700082: The refresh token has expired due to inactivity.");
            script("azd", "{\"token\":\"fake-azd-token\",\"expiresOn\":\"" + expires.atOffset(ZoneOffset.UTC) + "\"}",
                    "ERROR: fetching token: not logged in, run `azd auth login` to login",
                    "ERROR: fetching token: failed to retrieve the token: unexpected status 500");
            script("pwsh", side.equals("reference")
                            ? "{\"Token\":\"fake-pwsh-token\",\"ExpiresOn\":\"" + expires.atOffset(ZoneOffset.UTC) + "\"}"
                            : "{\"Token\":\"fake-pwsh-token\",\"ExpiresOn\":" + expires.getEpochSecond() + "}",
                    "Get-AzAccessToken: Run Connect-AzAccount to login.",
                    "Get-AzAccessToken: An unexpected error occurred: the service answered 500.");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void script(String name, String ok, String notLoggedIn, String failing) throws IOException {
        String d = dir.toAbsolutePath().toString();
        String text = String.join("\n",
                "#!/bin/sh",
                "d='" + d + "'",
                "printf '%s' '" + name + "' >> \"$d/calls\"",
                "for a in \"$@\"; do printf '\\037%s' \"$a\" >> \"$d/calls\"; done",
                "printf '\\n' >> \"$d/calls\"",
                "read mode < \"$d/" + name + ".mode\"",
                "case \"$mode\" in",
                "OK) printf '%s\\n' " + quoted(ok) + "; exit 0;;",
                "NOT_LOGGED_IN) printf '%s\\n' " + quoted(notLoggedIn) + " >&2; exit 1;;",
                "FAILING) printf '%s\\n' " + quoted(failing) + " >&2; exit 1;;",
                "HANGING) exec /bin/sleep 6;;",
                "esac",
                "exit 2",
                "");
        Files.writeString(dir.resolve(name + ".sh"), text);
    }

    /** Single-quotes text for sh, so that nothing in it (such as a backquoted command) is run. */
    private static String quoted(String text) {
        return "'" + text.replace("'", "'\\''") + "'";
    }

    /**
     * Sets every tool's mode for a probe (child side) and marks the probe's start in the call log.
     *
     * @param probe the probe
     */
    void apply(Probe probe) {
        try {
            Files.writeString(calls(), "#probe" + SEPARATOR + probe.id() + "\n", StandardCharsets.UTF_8, StandardOpenOption.APPEND);
            for (String name : NAMES) {
                Probe.ToolMode mode = probe.tool(name);
                Path exe = bin().resolve(name);
                if (mode == Probe.ToolMode.ABSENT) {
                    Files.deleteIfExists(exe);
                    continue;
                }
                Files.writeString(dir.resolve(name + ".mode"), mode.name() + "\n");
                if (!Files.exists(exe)) {
                    Files.copy(dir.resolve(name + ".sh"), exe, StandardCopyOption.REPLACE_EXISTING);
                    Files.setPosixFilePermissions(exe, PosixFilePermissions.fromString("rwx------"));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
