package dev.azid.internal.process;

import dev.azid.Environment;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Finds a program on {@code PATH} the way a shell would, without a shell, but only in absolute
 * directories: each absolute entry in order, the bare name on POSIX, {@code .cmd}/{@code .exe}/
 * {@code .bat} first on Windows. Relative entries ({@code .}, {@code bin}, {@code ~/bin}, empty
 * entries, a drive-relative {@code C:bin} or rooted {@code \bin} on Windows) depend on the working
 * directory, where anyone who can write a file could plant a program, so they are skipped.
 */
public final class Executables {

    /** {@code C:\...} or {@code C:/...}, or a UNC path {@code \\server\share}. */
    private static final Pattern WINDOWS_ABSOLUTE = Pattern.compile("(?:[A-Za-z]:[\\\\/]|\\\\\\\\[^\\\\/]).*");

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
        return lookup(List.of(name), env, osName).executable();
    }

    /**
     * Resolves the first of several program names found in an absolute {@code PATH} directory,
     * keeping which directories were searched and which entries were ignored, for messages.
     *
     * @param names the programs to look for, in order of preference (each over the whole PATH)
     * @param env the environment holding {@code PATH}
     * @param osName the operating system name, as {@code os.name} reports it
     * @return the result
     */
    public static ExecutableLookup lookup(List<String> names, Environment env, String osName) {
        boolean windows = isWindows(osName);
        String path = env.get("PATH").or(() -> env.get("Path")).orElse("");
        List<Path> searched = new ArrayList<>();
        List<String> ignored = new ArrayList<>();
        for (String entry : path.split(windows ? ";" : File.pathSeparator, -1)) {
            Path dir = absoluteDirectory(entry, windows);
            if (dir == null) {
                ignored.add(entry);
            } else if (!searched.contains(dir)) {
                searched.add(dir);
            }
        }
        List<String> suffixes = windows ? List.of(".cmd", ".exe", ".bat", "") : List.of("");
        for (String name : names) {
            for (Path dir : searched) {
                for (String suffix : suffixes) {
                    Path candidate = dir.resolve(name + suffix);
                    if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
                        return ExecutableLookup.of(Optional.of(candidate), searched, ignored);
                    }
                }
            }
        }
        return ExecutableLookup.of(Optional.empty(), searched, ignored);
    }

    /**
     * The directory a PATH entry names, or {@code null} when it is relative or malformed. A Windows
     * entry must be absolute as Windows spells it and also on the file system this JVM runs on, so a
     * Windows-looking entry read on another system can never resolve against the working directory.
     */
    private static Path absoluteDirectory(String entry, boolean windows) {
        String dir = entry.trim();
        if (windows && dir.length() > 1 && dir.startsWith("\"") && dir.endsWith("\"")) {
            dir = dir.substring(1, dir.length() - 1).trim();
        }
        if (dir.isEmpty() || windows && !isWindowsAbsolute(dir)) {
            return null;
        }
        try {
            Path p = Path.of(dir);
            return p.isAbsolute() ? p.normalize() : null;
        } catch (InvalidPathException e) {
            return null;
        }
    }

    /**
     * A directory to run tools from, so that a program planted in the application's directory is
     * never picked up: {@code %SystemRoot%\system32} on Windows (when {@code SystemRoot} is an
     * absolute path; else {@code C:\Windows\system32}), {@code /bin} elsewhere.
     *
     * @param env the environment
     * @param osName the operating system name
     * @return the directory
     */
    public static Path safeWorkingDirectory(Environment env, String osName) {
        if (isWindows(osName)) {
            String root = env.get("SystemRoot").map(String::trim)
                    .filter(Executables::isWindowsAbsolute).orElse("C:\\Windows");
            return Path.of(root, "system32");
        }
        return Path.of("/bin");
    }

    /**
     * Whether a path is absolute as Windows reads it: a drive letter with a separator
     * ({@code C:\x}, {@code C:/x}) or a UNC path ({@code \\server\share}); {@code C:x} (relative to
     * the drive's current directory) and {@code \x} (relative to the current drive) are not.
     *
     * @param path the path
     * @return whether it is absolute
     */
    static boolean isWindowsAbsolute(String path) {
        return WINDOWS_ABSOLUTE.matcher(path).matches();
    }

    private static boolean isWindows(String osName) {
        return osName.toLowerCase(Locale.ROOT).startsWith("windows");
    }
}
