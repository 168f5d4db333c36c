package dev.azid.benchmarks;

import java.util.ArrayList;
import java.util.List;

/** Report section d: many concurrent callers on a cold cache. */
final class StampedeSection {

    private StampedeSection() {
    }

    /**
     * Renders section d and adds its verdict.
     *
     * @param ctx the run
     * @param verdicts where to add
     * @return the Markdown
     */
    static String render(ReportContext ctx, List<Verdict> verdicts) {
        Results r = ctx.results();
        String callers = r.get("stampede.callers", "?");
        List<List<String>> rows = new ArrayList<>();
        StringBuilder notes = new StringBuilder();
        for (String c : List.of("azid", "azure-identity")) {
            String k = "stampede." + c;
            double[] ms = r.samples(k + ".ms");
            int timedOut = r.count(k + ".timedOut");
            String time = Markdown.millis(Samples.max(ms));
            if (timedOut > 0) {
                time = "> " + r.get("stampede.timeoutSeconds", "?") + " s (timed out; no further runs)";
            }
            rows.add(List.of(c, callers, Markdown.count(Samples.max(r.samples(k + ".requests"))), time,
                    r.get(k + ".succeeded", "n/a"), r.get(k + ".failed", "n/a")));
            if (r.get(k + ".error") != null) {
                notes.append("- ").append(c).append(", first error: ").append(r.get(k + ".error")).append('\n');
            }
            if (r.get(k + ".stuck") != null) {
                notes.append("- ").append(c).append(", where the waiting threads were at the timeout (count x thread "
                        + "name @ first non-JDK frame): `").append(r.get(k + ".stuck").replace(",", "`, `"))
                        .append("`\n");
            }
        }
        double[] azidRequests = r.samples("stampede.azid.requests");
        boolean ran = azidRequests.length > 0;
        boolean exactlyOne = ran && Samples.max(azidRequests) == 1 && Samples.percentile(azidRequests, 0) == 1;
        verdicts.add(new Verdict("d", "azid: exactly 1 token request for " + callers + " concurrent callers",
                ran ? Markdown.count(Samples.max(azidRequests)) : "n/a", ran ? exactlyOne : null,
                ran ? "" : "the azid stampede child did not report: " + r.get("stampede.azid.error", "?")));
        return "## d. " + callers + " concurrent callers on a cold cache\n\n"
                + "In a child JVM per library (one token for another scope first, from another credential, so that "
                + "the JVM and TLS are warm), " + callers + " threads wait on a latch and are released together on a "
                + "fresh `ClientSecretCredential`. Time: release to the last caller's return (worst run). Token "
                + "requests: the emulator's request log, token endpoint and scope under test (most in any run). "
                + "Succeeded/failed: calls, summed over " + r.get("stampede.runs", "?") + " run(s).\n\n"
                + Markdown.table(List.of("Client", "Callers", "Token requests", "Time until all have tokens",
                        "Succeeded", "Failed"), rows)
                + (notes.length() == 0 ? "" : notes.append('\n').toString());
    }
}
