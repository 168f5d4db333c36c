package dev.azid.benchmarks;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Reads a JMH result file written with {@code -rf csv}. */
final class JmhCsv {

    /**
     * One row.
     *
     * @param benchmark the full name, with {@code :<secondary metric>} for profiler rows
     * @param mode {@code avgt}, {@code thrpt}, ...
     * @param threads threads
     * @param samples measurement iterations
     * @param score the score
     * @param error the 99.9% confidence half-width, NaN when JMH had too few samples
     * @param unit e.g. {@code ns/op}, {@code ops/s}, {@code B/op}
     * @param param the first {@code @Param} value, or empty
     */
    record Row(String benchmark, String mode, int threads, int samples, double score, double error, String unit,
            String param) {
    }

    private final List<Row> rows;

    private JmhCsv(List<Row> rows) {
        this.rows = rows;
    }

    /**
     * Reads a file; a missing file gives no rows.
     *
     * @param file the CSV file
     * @return the rows
     * @throws IOException if it cannot be read
     */
    static JmhCsv read(Path file) throws IOException {
        List<Row> rows = new ArrayList<>();
        if (Files.isRegularFile(file)) {
            List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
            for (String line : lines.subList(Math.min(1, lines.size()), lines.size())) {
                List<String> f = fields(line);
                if (f.size() >= 7) {
                    rows.add(new Row(f.get(0), f.get(1), Integer.parseInt(f.get(2)), Integer.parseInt(f.get(3)),
                            number(f.get(4)), number(f.get(5)), f.get(6), f.size() > 7 ? f.get(7) : ""));
                }
            }
        }
        return new JmhCsv(rows);
    }

    /**
     * Finds a row by the end of its benchmark name.
     *
     * @param suffix e.g. {@code AzidCachedTokenBenchmark.getToken} or
     *     {@code AzidCachedTokenBenchmark.getToken:gc.alloc.rate.norm}
     * @return the row
     */
    Optional<Row> find(String suffix) {
        return rows.stream().filter(r -> r.benchmark().endsWith("." + suffix)).findFirst();
    }

    /**
     * Finds a row by the end of its benchmark name and its parameter.
     *
     * @param suffix as for {@link #find(String)}
     * @param param the {@code @Param} value
     * @return the row
     */
    Optional<Row> find(String suffix, String param) {
        return rows.stream().filter(r -> r.benchmark().endsWith("." + suffix) && r.param().equals(param)).findFirst();
    }

    private static double number(String s) {
        try {
            return Double.parseDouble(s);
        } catch (NumberFormatException e) {
            return Double.NaN;
        }
    }

    private static List<String> fields(String line) {
        List<String> out = new ArrayList<>();
        StringBuilder cur = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c == '"') {
                if (quoted && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                    cur.append('"');
                    i++;
                } else {
                    quoted = !quoted;
                }
            } else if (c == ',' && !quoted) {
                out.add(cur.toString());
                cur.setLength(0);
            } else {
                cur.append(c);
            }
        }
        out.add(cur.toString());
        return out;
    }
}
