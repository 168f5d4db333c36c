package dev.azid.internal.process;

import static org.assertj.core.api.Assertions.assertThat;

import dev.azid.Environment;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Issue 11 class 4: only absolute PATH directories are searched, and a miss says where it looked. */
class ExecutablesTest {

    @TempDir
    Path absolute;

    private static Path executable(Path dir, String name) throws Exception {
        Path p = dir.resolve(name);
        Files.writeString(p, "#!/bin/sh\nexit 0\n");
        Files.setPosixFilePermissions(p, PosixFilePermissions.fromString("rwxr-xr-x"));
        return p;
    }

    private static ExecutableLookup lookup(String name, String path, String os) {
        return Executables.lookup(List.of(name), Environment.of(Map.of("PATH", path)), os);
    }

    @Test
    void find_pathIsDot_programInWorkingDirectoryNotUsed() throws Exception {
        String name = "azid-planted-" + UUID.randomUUID();
        Path planted = executable(Path.of("").toAbsolutePath(), name);
        try {
            ExecutableLookup result = lookup(name, ".", "Linux");
            assertThat(result.executable()).isEmpty();
            assertThat(result.ignored()).containsExactly(".");
            assertThat(result.describe()).isEqualTo("PATH has no absolute directories to search; ignored the relative "
                    + "PATH entries '.', which depend on the working directory (use absolute directories in PATH)");
        } finally {
            Files.delete(planted);
        }
    }

    @Test
    void find_relativeEntries_skippedAndAbsoluteOneUsed() throws Exception {
        Path cwd = Path.of("").toAbsolutePath();
        Path target = Files.createDirectories(cwd.resolve("target"));
        Path planted = Files.createTempDirectory(target, "relative-path-");
        try {
            executable(planted, "az");
            Path real = executable(absolute, "az");
            String rel = cwd.relativize(planted).toString();
            String viaParent = "../" + cwd.getFileName() + "/" + rel;
            String path = String.join(":", rel, "./" + rel, viaParent, "~/" + rel, "", " ", absolute.toString());
            ExecutableLookup result = lookup("az", path, "Linux");
            assertThat(result.executable()).contains(real);
            assertThat(result.searched()).containsExactly(absolute.toString());
            assertThat(result.ignored()).containsExactly(rel, "./" + rel, viaParent, "~/" + rel, "", " ");
            assertThat(lookup("az", String.join(":", rel, "./" + rel, viaParent, ""), "Linux").executable()).isEmpty();
        } finally {
            Files.walk(planted).sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    @Test
    void find_absoluteEntryWithDotDot_isAbsoluteAndUsed() throws Exception {
        Path real = executable(absolute, "az");
        String path = absolute.resolve("sub").toString() + "/..";
        Files.createDirectories(absolute.resolve("sub"));
        assertThat(lookup("az", path, "Linux").executable()).contains(real);
    }

    @Test
    void find_missing_describesSearchedDirectoriesAndIgnoredEntries() {
        ExecutableLookup result = lookup("az", "/nonexistent-a::bin:/nonexistent-b:/nonexistent-a", "Linux");
        assertThat(result.executable()).isEmpty();
        assertThat(result.describe()).isEqualTo("searched the PATH directories /nonexistent-a, /nonexistent-b; ignored "
                + "the relative PATH entries '' (empty), 'bin', which depend on the working directory (use absolute "
                + "directories in PATH)");
        assertThat(lookup("az", "/nonexistent", "Linux").describe()).isEqualTo("searched the PATH directories /nonexistent");
    }

    @Test
    void describe_longPathOrControlCharacters_isBoundedAndOnOneLine() {
        StringBuilder path = new StringBuilder("rel\nFAKE LOG LINE");
        for (int i = 0; i < 50; i++) {
            path.append(":/d").append(i);
        }
        String d = lookup("az", path.toString(), "Linux").describe();
        assertThat(d).doesNotContain("\n").contains("/d19", "and 30 more", "'rel?FAKE LOG LINE'").doesNotContain("/d20,");
    }

    @Test
    void isWindowsAbsolute_onlyDriveAndUncPaths() {
        assertThat(List.of("C:\\Tools", "c:/tools", "\\\\server\\share\\bin")).allMatch(Executables::isWindowsAbsolute);
        assertThat(List.of("C:tools", "\\tools", "/tools", "tools", ".", ".\\bin", "..\\bin", "%USERPROFILE%\\bin", "",
                "\\\\", "C:")).noneMatch(Executables::isWindowsAbsolute);
    }

    @Test
    void find_windowsRelativeEntries_ignoredAndNeverResolvedAgainstWorkingDirectory() throws Exception {
        Path cwd = Path.of("").toAbsolutePath();
        Path planted = Files.createTempDirectory(Files.createDirectories(cwd.resolve("target")), "windows-path-");
        try {
            executable(planted, "az.cmd");
            String rel = cwd.relativize(planted).toString();
            // On this JVM even a Windows-absolute entry is not absolute, so nothing may be found relative to the cwd.
            ExecutableLookup result = lookup("az", String.join(";", rel, ".\\" + rel, "C:" + rel, "\"" + rel + "\"",
                    "C:\\" + rel), "Windows 11");
            assertThat(result.executable()).isEmpty();
            assertThat(result.searched()).isEmpty();
        } finally {
            Files.walk(planted).sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    @Test
    void safeWorkingDirectory_relativeSystemRoot_fallsBackToTheWindowsDirectory() {
        assertThat(Executables.safeWorkingDirectory(Environment.of(Map.of("SystemRoot", ".")), "Windows 11"))
                .isEqualTo(Path.of("C:\\Windows", "system32"));
        assertThat(Executables.safeWorkingDirectory(Environment.of(Map.of("SystemRoot", "D:\\Win")), "Windows 11"))
                .isEqualTo(Path.of("D:\\Win", "system32"));
        assertThat(Executables.safeWorkingDirectory(Environment.of(Map.of()), "Linux")).isEqualTo(Path.of("/bin"));
        assertThat(Executables.find("sh", Environment.of(Map.of("PATH", "/bin")), "Linux")).isEqualTo(
                Optional.of(Path.of("/bin/sh")));
    }
}
