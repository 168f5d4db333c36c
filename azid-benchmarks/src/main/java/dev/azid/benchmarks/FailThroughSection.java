package dev.azid.benchmarks;

import java.util.ArrayList;
import java.util.List;

/** Report section e: DefaultAzureCredential with nothing configured, IMDS closed and silent. */
final class FailThroughSection {

    private FailThroughSection() {
    }

    /**
     * Renders section e and adds its verdicts.
     *
     * @param ctx the run
     * @param verdicts where to add
     * @return the Markdown
     */
    static String render(ReportContext ctx, List<Verdict> verdicts) {
        Results r = ctx.results();
        String timeout = r.get("failthrough.timeoutSeconds", "?");
        List<List<String>> rows = new ArrayList<>();
        for (String kase : List.of("closed", "silent")) {
            for (String c : List.of("azid", "azure-identity")) {
                String k = "failthrough." + c + "." + kase;
                double[] ms = r.samples(k + ".ms");
                int timedOut = r.count(k + ".timedOut");
                String median = ms.length == 0 && timedOut > 0 ? "> " + timeout + " s"
                        : Markdown.millis(Samples.median(ms));
                String max = timedOut > 0 ? "> " + timeout + " s" : Markdown.millis(Samples.max(ms));
                rows.add(List.of(c, kase, ms.length + (timedOut > 0 ? " (+" + timedOut + " timed out)" : ""), median,
                        max, Markdown.millis(Samples.median(r.samples(k + ".wallMs"))), r.get(k + ".error", "n/a")));
            }
        }
        verdict(ctx, verdicts, "closed", 1000);
        verdict(ctx, verdicts, "silent", 2000);
        return "## e. DefaultAzureCredential with nothing configured\n\n"
                + "Each run is a new child JVM whose whole environment is `HOME` (an empty temporary directory), "
                + "`PATH` (an empty directory: no az, azd or pwsh) and `AZURE_POD_IDENTITY_AUTHORITY_HOST="
                + "http://127.0.0.1:<port>` (the IMDS override both libraries read): a port nothing listens on "
                + "(closed) or a socket that accepts and never answers (silent). Time to the final error: the child's "
                + "clock, from building the credential with defaults to the exception from the token call "
                + "(`getToken` / `getTokenSync`). Whole process: the parent's clock. Runs per case: "
                + r.get("failthrough.runs", "?") + "; each child is killed after " + timeout + " s, and after such a "
                + "timeout that client and case is not run again.\n\n"
                + Markdown.table(List.of("Client", "IMDS", "Runs", "Median to final error", "Max", "Whole process "
                        + "(median)", "Final error (first line)"), rows);
    }

    private static void verdict(ReportContext ctx, List<Verdict> verdicts, String kase, double limitMs) {
        String k = "failthrough.azid." + kase;
        double[] ms = ctx.results().samples(k + ".ms");
        int timedOut = ctx.results().count(k + ".timedOut");
        String target = "azid DefaultAzureCredential gives up < " + (int) (limitMs / 1000) + " s, IMDS " + kase
                + " (median)";
        if (ms.length == 0) {
            verdicts.add(new Verdict("e", target, timedOut > 0 ? "> timeout" : "n/a", timedOut > 0 ? false : null,
                    ctx.results().get(k + ".error", "")));
            return;
        }
        double median = Samples.median(ms);
        verdicts.add(new Verdict("e", target, Markdown.millis(median), median < limitMs,
                ("Measured in a fresh JVM: includes loading and first (interpreted) execution of every credential "
                        + "in the chain. " + ctx.conditions()).trim()));
    }
}
