package dev.azid.benchmarks;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Report sections b (cold start to first token) and c (classes loaded, runtime classpath). */
final class ColdStartSection {

    private static final List<String> CLIENTS = List.of("azid", "azure-identity", "bare-post");

    private ColdStartSection() {
    }

    /**
     * Renders section b and adds its verdict.
     *
     * @param ctx the run
     * @param verdicts where to add
     * @return the Markdown
     */
    static String coldStart(ReportContext ctx, List<Verdict> verdicts) {
        Results r = ctx.results();
        double bare = Samples.median(r.samples("coldstart.bare-post.ms"));
        List<List<String>> rows = new ArrayList<>();
        for (String c : CLIENTS) {
            double[] ms = r.samples("coldstart." + c + ".ms");
            String failures = r.get("coldstart." + c + ".failures", "0");
            String error = r.get("coldstart." + c + ".error");
            rows.add(List.of(label(c), String.valueOf(ms.length), Markdown.millis(Samples.median(ms)),
                    Markdown.millis(Samples.percentile(ms, 90)), Markdown.ratio(Samples.median(ms) / bare),
                    Markdown.count(Samples.median(r.samples("coldstart." + c + ".requests"))),
                    failures + (error == null ? "" : " (" + error + ")")));
        }
        double azid = Samples.median(r.samples("coldstart.azid.ms"));
        double ratio = azid / bare;
        double extraClasses = Samples.median(r.samples("coldstart.azid.classes"))
                - Samples.median(r.samples("coldstart.bare-post.classes"));
        verdicts.add(new Verdict("b", "azid cold start to first token within 1.3x the bare HttpClient POST (median)",
                Markdown.ratio(ratio) + " (" + Markdown.millis(azid) + " vs " + Markdown.millis(bare) + ")",
                Double.isNaN(ratio) ? null : ratio <= 1.3,
                String.format(Locale.ROOT, "azid's child loaded %s more classes than the bare POST's before its first "
                        + "token; each is read, verified and first run in the interpreter. ",
                        Markdown.count(extraClasses)) + ctx.conditions()));
        return "## b. Cold start to first token (ClientSecretCredential)\n\n"
                + "Wall time on the parent's clock from just before `ProcessBuilder.start()` of a new JVM to the "
                + "moment the parent reads the child's first line after its first token ("
                + r.get("coldstart.runs", "?") + " runs per client after one discarded warm-up round, clients "
                + "rotated; nearest-rank median and p90). \"HTTP requests\" is what the emulator received per run.\n\n"
                + Markdown.table(List.of("Client", "Runs", "Median", "p90", "Median vs bare POST", "HTTP requests",
                        "Failed runs"), rows);
    }

    /**
     * Renders section c.
     *
     * @param ctx the run
     * @return the Markdown
     */
    static String footprint(ReportContext ctx) {
        Results r = ctx.results();
        List<List<String>> rows = new ArrayList<>();
        for (String c : CLIENTS) {
            String jars = c.equals("bare-post") ? "0" : r.get("classpath." + c + ".jars", "n/a");
            double bytes = c.equals("bare-post") ? 0 : parse(r.get("classpath." + c + ".bytes"));
            rows.add(List.of(label(c), Markdown.count(Samples.median(r.samples("coldstart." + c + ".classes"))), jars,
                    bytes == 0 ? "none (JDK only)" : Markdown.megabytes(bytes)));
        }
        return "## c. Classes loaded and runtime classpath\n\n"
                + "Classes: the child JVM's `ClassLoadingMXBean.getTotalLoadedClassCount()` right after its first "
                + "token (median over the cold-start runs; includes the JDK's own start-up classes and the few the "
                + "MXBean call loads, the same in every child, so the bare POST row is the baseline). Classpath: the "
                + "library's resolved runtime jars (see \"How it was measured\").\n\n"
                + Markdown.table(List.of("Client", "Classes loaded", "Runtime jars", "Jar bytes"), rows)
                + "azid jars: " + names(r.get("classpath.azid.names")) + "\n\n"
                + "azure-identity jars: " + names(r.get("classpath.azure-identity.names")) + "\n\n";
    }

    private static String label(String client) {
        return client.equals("bare-post") ? "bare `java.net.http.HttpClient` POST" : client;
    }

    private static String names(String csv) {
        return csv == null || csv.isEmpty() ? "n/a" : "`" + csv.replace(",", "`, `") + "`";
    }

    private static double parse(String s) {
        try {
            return Double.parseDouble(s);
        } catch (RuntimeException e) {
            return Double.NaN;
        }
    }
}
