package dev.azid.test;

import dev.azid.internal.process.ProcessResult;
import dev.azid.internal.process.ProcessRunner;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A {@link ProcessRunner} that starts nothing: it records every argument list and working
 * directory it is handed and answers as a signed-in {@code az}, {@code azd} or {@code pwsh} would
 * (chosen by the program's file name), with a token that expires in 2100.
 */
public final class RecordingRunner implements ProcessRunner {

    /** The token every answer carries. */
    public static final String TOKEN = "eyJ0eXAiOiJKV1QifQ.eyJhdWQiOiJyZWNvcmRlZCJ9.c2lnbmF0dXJl";

    private final List<List<String>> runs = new CopyOnWriteArrayList<>();
    private final List<Path> directories = new CopyOnWriteArrayList<>();

    @Override
    public ProcessResult run(List<String> argv, Map<String, String> extraEnvironment, Path workingDirectory,
            Duration timeout) {
        runs.add(List.copyOf(argv));
        directories.add(workingDirectory);
        String program = Path.of(argv.get(0)).getFileName().toString();
        String out = switch (program) {
            case "az" -> "{\"accessToken\":\"" + TOKEN + "\",\"expires_on\":1795518000,\"tokenType\":\"Bearer\"}";
            case "azd" -> "{\"token\":\"" + TOKEN + "\",\"expiresOn\":\"2026-11-24T11:00:00Z\"}";
            default -> "{\"Token\":\"" + TOKEN + "\",\"ExpiresOn\":1795518000}";
        };
        return new ProcessResult(0, out, "", false);
    }

    /** @return every argument list run so far, program first */
    public List<List<String>> runs() {
        return List.copyOf(runs);
    }

    /** @return the working directory of every run so far */
    public List<Path> directories() {
        return List.copyOf(directories);
    }

    /**
     * Writes executable placeholder files for the tools into a directory, so a {@code PATH}
     * search finds them; their content never runs, since this runner starts nothing.
     *
     * @param dir an absolute directory
     * @param names the program names
     * @return the directory
     * @throws java.io.IOException if a file cannot be written
     */
    public static Path placeholders(Path dir, String... names) throws java.io.IOException {
        for (String name : names) {
            Path p = dir.resolve(name);
            Files.writeString(p, "#!/bin/sh\nexit 99\n");
            Files.setPosixFilePermissions(p, PosixFilePermissions.fromString("rwxr-xr-x"));
        }
        return dir;
    }
}
