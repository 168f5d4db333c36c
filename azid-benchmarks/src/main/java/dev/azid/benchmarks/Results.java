package dev.azid.benchmarks;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;

/**
 * The whole-process measurements, as the raw samples: written by {@link WholeProcessHarness}, read by
 * {@link BenchmarkReport}. A properties file; keys are documented where they are written.
 */
final class Results {

    private final Properties properties;

    private Results(Properties properties) {
        this.properties = properties;
    }

    /** @return an empty set of results */
    static Results empty() {
        return new Results(new Properties());
    }

    /**
     * Reads a results file; a missing file gives empty results.
     *
     * @param file the file
     * @return the results
     * @throws IOException if it cannot be read
     */
    static Results read(Path file) throws IOException {
        Properties p = new Properties();
        if (Files.isRegularFile(file)) {
            try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                p.load(in);
            }
        }
        return new Results(p);
    }

    /**
     * Writes the results.
     *
     * @param file the file
     * @throws IOException if it cannot be written
     */
    void write(Path file) throws IOException {
        try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            properties.store(out, "azid whole-process benchmark results");
        }
    }

    /**
     * @param key the key
     * @param value the value
     */
    void put(String key, Object value) {
        properties.setProperty(key, String.valueOf(value));
    }

    /**
     * @param key the key
     * @param values the samples
     */
    void putSamples(String key, List<Double> values) {
        properties.setProperty(key, Samples.join(values));
    }

    /**
     * @param key the key
     * @return the value, or {@code null}
     */
    String get(String key) {
        return properties.getProperty(key);
    }

    /**
     * @param key the key
     * @param fallback returned when unset
     * @return the value
     */
    String get(String key, String fallback) {
        return properties.getProperty(key, fallback);
    }

    /**
     * @param key the key of a count, such as a run's {@code .timedOut}
     * @return the count, 0 when unset
     */
    int count(String key) {
        return Integer.parseInt(properties.getProperty(key, "0"));
    }

    /**
     * @param key the key
     * @return the samples, possibly none
     */
    double[] samples(String key) {
        return Samples.parse(properties.getProperty(key));
    }
}
