package dev.azid.internal.process;

import dev.azid.Environment;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Finds a program on {@code PATH} the way a shell would, without a shell: each directory in order,
 * the bare name on POSIX, {@code .cmd}/{@code .exe}/{@code .bat} first on Windows.
 */
public final class Executables {

    private Executables() {
    }

    /**
     * Resolves a program name to an absolute path.
     *
     * @param name the program, e.g. {@code az}
     * @param env the environment holding {@code PATH}
     * @param osName the operating system name, as {@code os.name} reports it
     * @return the absolute path of an executable file, or empty
     */
    public static Optional<Path> find(String name, Environment env, String osName) {
        boolean windows = osName.toLowerCase(Locale.ROOT).startsWith("windows");
        String path = env.get("PATH").or(() -> env.get("Path")).orElse("");
        List<String> suffixes = windows ? List.of(".cmd", ".exe", ".bat", "") : List.of("");
        for (String dir : path.split(windows ? ";" : File.pathSeparator)) {
            if (dir.isBlank()) {
                continue;
            }
            for (String suffix : suffixes) {
                try {
                    Path candidate = Path.of(dir.trim(), name + suffix);
                    if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
                        return Optional.of(candidate.toAbsolutePath());
                    }
                } catch (java.nio.file.InvalidPathException e) {
                    // A malformed PATH entry cannot hold the program.
                }
            }
        }
        return Optional.empty();
    }

    /**
     * A directory to run tools from, so that a program planted in the application's directory is
     * never picked up: {@code %SystemRoot%\system32} on Windows, {@code /bin} elsewhere.
     *
     * @param env the environment
     * @param osName the operating system name
     * @return the directory
     */
    public static Path safeWorkingDirectory(Environment env, String osName) {
        if (osName.toLowerCase(Locale.ROOT).startsWith("windows")) {
            return Path.of(env.get("SystemRoot").orElse("C:\\Windows"), "system32");
        }
        return Path.of("/bin");
    }
}
