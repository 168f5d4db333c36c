package dev.azid.benchmarks;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** Report sections a (cached getToken latency and throughput) and f (allocation per call), from JMH. */
final class CachedTokenSection {

    /** One benchmark method. */
    private record Bench(String client, String call, String method, int threads) {
    }

    private static final String AZID = "AzidCachedTokenBenchmark.";
    private static final String PEER = "AzureIdentityCachedTokenBenchmark.";
    private static final List<Bench> BENCHES = List.of(
            new Bench("azid", "getToken", AZID + "getToken", 1),
            new Bench("azid", "getToken", AZID + "getToken_2threads", 2),
            new Bench("azure-identity", "getTokenSync", PEER + "getTokenSync", 1),
            new Bench("azure-identity", "getTokenSync", PEER + "getTokenSync_2threads", 2),
            new Bench("azure-identity", "getToken(ctx).block()", PEER + "getTokenBlock", 1),
            new Bench("azure-identity", "getToken(ctx).block()", PEER + "getTokenBlock_2threads", 2));

    private CachedTokenSection() {
    }

    /**
     * Renders section a and adds its verdicts.
     *
     * @param ctx the run
     * @param verdicts where to add
     * @return the Markdown
     */
    static String cached(ReportContext ctx, List<Verdict> verdicts) {
        List<List<String>> rows = new ArrayList<>();
        for (Bench b : BENCHES) {
            Optional<JmhCsv.Row> lat = ctx.avgt().find(b.method());
            Optional<JmhCsv.Row> thr = ctx.thrpt().find(b.method());
            double azid = latency(ctx, AZID + (b.threads() == 1 ? "getToken" : "getToken_2threads"));
            String vsAzid = b.client().equals("azid") ? "1x" : Markdown.ratio(latency(ctx, b.method()) / azid);
            rows.add(List.of(b.client(), "`" + b.call() + "`", String.valueOf(b.threads()),
                    lat.map(r -> Markdown.nanos(r.score()) + error(r)).orElse("not measured"),
                    thr.map(r -> Markdown.count(r.score()) + " ops/s").orElse("not measured"), vsAzid));
        }
        for (int threads = 1; threads <= 2; threads++) {
            String m = AZID + (threads == 1 ? "getToken" : "getToken_2threads");
            double azid = latency(ctx, m);
            String t = threads == 1 ? "1 thread" : "2 threads";
            verdicts.add(new Verdict("a", "azid cached getToken < 100 ns (" + t + ")", Markdown.nanos(azid),
                    Double.isNaN(azid) ? null : azid < 100, latencyWhy(ctx, threads)));
            for (Bench b : BENCHES) {
                if (b.client().equals("azure-identity") && b.threads() == threads) {
                    double ratio = latency(ctx, b.method()) / azid;
                    verdicts.add(new Verdict("a", "azid >= 100x faster than azure-identity `" + b.call() + "` (" + t
                            + ")", Markdown.ratio(ratio), Double.isNaN(ratio) ? null : ratio >= 100,
                            ctx.conditions()));
                }
            }
        }
        return "## a. Cached getToken: latency and throughput\n\n"
                + "Both credentials hold a valid token for `https://management.azure.com/.default`, fetched from "
                + "the emulator over HTTPS in set-up (azure-identity: once through `getTokenSync` and once through "
                + "`getToken`, whose caches are not shared), so every measured call is a cache hit. Latency is JMH "
                + "average time per call per thread (± 99.9% confidence half-width; n/a with too few iterations); "
                + "throughput is JMH throughput mode, all threads together, in a separate fork.\n\n"
                + Markdown.table(List.of("Client", "Call", "Threads", "Latency", "Throughput", "Latency vs azid"),
                        rows)
                + cacheCheck(ctx);
    }

    private static String cacheCheck(ReportContext ctx) {
        if (ctx.cacheWarnings().isEmpty()) {
            return "Cache check: after every JMH trial the emulator had received only the set-up's token requests, "
                    + "so every measured call was a cache hit.\n\n";
        }
        return "Cache check **failed**: some measured calls reached the network, so those rows do not measure the "
                + "cache:\n\n" + ctx.cacheWarnings().lines().map(l -> "- `" + l.strip() + "`\n")
                        .collect(java.util.stream.Collectors.joining()) + "\n";
    }

    /**
     * Renders section f.
     *
     * @param ctx the run
     * @return the Markdown
     */
    static String allocation(ReportContext ctx) {
        List<List<String>> rows = new ArrayList<>();
        for (Bench b : BENCHES) {
            Optional<JmhCsv.Row> alloc = ctx.avgt().find(b.method() + ":gc.alloc.rate.norm");
            rows.add(List.of(b.client(), "`" + b.call() + "`", String.valueOf(b.threads()),
                    alloc.map(r -> String.format(Locale.ROOT, "%,.1f", r.score())).orElse("not measured")));
        }
        return "## f. Allocation per cached getToken\n\n"
                + "JMH `-prof gc`, `gc.alloc.rate.norm` (bytes allocated per call, averaged over the measured "
                + "iterations; values well below 1 are measurement noise). No target was set; for comparison only.\n\n"
                + Markdown.table(List.of("Client", "Call", "Threads", "Bytes per call"), rows);
    }

    private static double latency(ReportContext ctx, String method) {
        return ctx.avgt().find(method).map(JmhCsv.Row::score).orElse(Double.NaN);
    }

    private static String error(JmhCsv.Row r) {
        return Double.isNaN(r.error()) ? " ± n/a" : " ± " + Markdown.nanos(r.error());
    }

    private static String latencyWhy(ReportContext ctx, int threads) {
        String s = threads == 2 ? "Two benchmark threads on " + MachineInfo.processors()
                + " CPUs share them with the JMH harness and anything else running. " : "";
        return (s + ctx.conditions()).trim();
    }
}
