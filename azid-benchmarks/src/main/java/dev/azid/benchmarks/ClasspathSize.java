package dev.azid.benchmarks;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The jars of a runtime classpath: how many and how many bytes. Entries that are not regular files
 * (directories, missing paths) are not counted.
 *
 * @param jars the jar file names, in classpath order
 * @param bytes their total size
 */
record ClasspathSize(List<String> jars, long bytes) {

    /**
     * Measures a classpath string.
     *
     * @param classpath entries separated by {@link File#pathSeparator}
     * @return the size
     */
    static ClasspathSize of(String classpath) {
        List<String> jars = new ArrayList<>();
        long bytes = 0;
        for (String entry : classpath.split(File.pathSeparator)) {
            Path p = Path.of(entry.strip());
            if (!entry.isBlank() && Files.isRegularFile(p)) {
                jars.add(p.getFileName().toString());
                bytes += p.toFile().length();
            }
        }
        return new ClasspathSize(List.copyOf(jars), bytes);
    }
}
