package dev.azid.benchmarks;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** Report sections h (shared-cache hit, and the in-process hit with a shared cache) and i (Redis outage). */
final class SharedCacheSection {

    private static final String JMH = "AzidSharedCacheHitBenchmark.getToken";

    private SharedCacheSection() {
    }

    /**
     * Renders section h and adds its verdicts.
     *
     * @param ctx the run
     * @param verdicts where to add
     * @return the Markdown
     */
    static String hits(ReportContext ctx, List<Verdict> verdicts) {
        Results r = ctx.results();
        List<List<String>> rows = new ArrayList<>();
        StringBuilder notes = new StringBuilder();
        for (String store : List.of("redis", "file")) {
            String line = r.get("hit." + store + ".line");
            String name = store.equals("redis") ? "`RedisTokenStore`, loopback" : "`FileSharedTokenStore`";
            if (line == null) {
                rows.add(List.of(name, "not measured", "", "", "", "", r.get("hit." + store + ".requests", "n/a")));
                notes.append("- ").append(name).append(": ").append(r.get("hit." + store + ".error",
                        store.equals("redis") ? r.get("redis.error", "not run") : "not run")).append('\n');
                if (store.equals("redis")) {
                    verdicts.add(new Verdict("h", "shared-cache hit from Redis on loopback: p99 < 2 ms", "n/a", null,
                            r.get("hit.redis.error", r.get("redis.error", "not run"))));
                }
                continue;
            }
            Map<String, String> f = SharedCacheRuns.fields(line.substring(SharedHitChild.RESULT.length()));
            rows.add(List.of(name, f.get("n"), micros(f.get("p50")), micros(f.get("p90")), micros(f.get("p99")),
                    micros(f.get("max")), r.get("hit." + store + ".requests", "n/a")));
            notes.append("- ").append(name).append(": ").append(f.getOrDefault("warmUp", "?")).append(" warm-up calls (")
                    .append("true".equals(f.get("quiet")) ? "the JIT compiler then idle for 2,000 calls" : "the JIT compiler never "
                            + "idle for 2,000 calls; stopped at five times the minimum").append("); during the measured calls ")
                    .append(f.getOrDefault("gcs", "?")).append(" GC(s), ").append(f.getOrDefault("gcMs", "?"))
                    .append(" ms in GC, ").append(f.getOrDefault("jitMs", "?")).append(" ms of JIT compilation.\n");
            if (store.equals("redis")) {
                String floor = f.containsKey("floorP99") ? " (bare `GET` p99 " + micros(f.get("floorP99")) + ")" : "";
                verdicts.add(new Verdict("h", "shared-cache hit from Redis on loopback: p99 < 2 ms", micros(f.get("p99"))
                        + " (p50 " + micros(f.get("p50")) + ")" + floor, Double.parseDouble(f.get("p99")) < 2000,
                        ctx.conditions()));
                if (f.containsKey("floorP50")) {
                    rows.add(List.of("bare `GET` of the same entry (plain socket, same child, before each call)", f.get("n"),
                            micros(f.get("floorP50")), micros(f.get("floorP90")), micros(f.get("floorP99")),
                            micros(f.get("floorMax")), ""));
                }
            }
        }
        String bench = r.get("hit.redisBenchmark");
        if (bench != null) {
            Map<String, String> b = SharedCacheRuns.fields(bench);
            notes.append("- `redis-benchmark -c 1 -n 20000 -t set,get -d 1400`, same server, just before: GET p50 ")
                    .append(micros(b.get("p50"))).append(", p95 ").append(micros(b.get("p95"))).append(", p99 ")
                    .append(micros(b.get("p99"))).append(", max ").append(micros(b.get("max"))).append(".\n");
        }
        List<List<String>> jmhRows = new ArrayList<>();
        for (String store : List.of("file", "redis")) {
            Optional<JmhCsv.Row> lat = ctx.sharedAvgt().find(JMH, store);
            Optional<JmhCsv.Row> alloc = ctx.sharedAvgt().find(JMH + ":gc.alloc.rate.norm", store);
            double ns = lat.map(JmhCsv.Row::score).orElse(Double.NaN);
            double bytes = alloc.map(JmhCsv.Row::score).orElse(Double.NaN);
            String name = store.equals("redis") ? "`RedisTokenStore`" : "`FileSharedTokenStore`";
            jmhRows.add(List.of(name, lat.map(x -> Markdown.nanos(x.score()) + (Double.isNaN(x.error()) ? " ± n/a"
                    : " ± " + Markdown.nanos(x.error()))).orElse("not measured"),
                    alloc.map(x -> String.format(Locale.ROOT, "%,.1f", x.score())).orElse("not measured")));
            verdicts.add(new Verdict("h", "in-process hit with `sharedCache(" + name + ")` < 100 ns", Markdown.nanos(ns),
                    Double.isNaN(ns) ? null : ns < 100, ctx.conditions()));
            verdicts.add(new Verdict("h", "in-process hit with `sharedCache(" + name + ")`: 0 bytes per call",
                    Double.isNaN(bytes) ? "n/a" : String.format(Locale.ROOT, "%.1f B", bytes),
                    Double.isNaN(bytes) ? null : bytes < 1, "values well below 1 byte are measurement noise"));
        }
        return "## h. Shared-cache hit\n\n"
                + "From the store: in one child JVM (default JVM options), one credential fetches the token (the only "
                + "token request the emulator sees, last column) and puts it in the store; then, at least "
                + r.get("hit.warmUp", "?") + " times unmeasured (and on until the JIT compiler has been idle for 2,000 "
                + "calls) and " + r.get("hit.samples", "?") + " times measured, a new `ClientSecretCredential` over the "
                + "same `SharedTokenCache` (its in-process cache cold, as in a new process) calls `getToken` and gets "
                + "the token from the store: one `GET` round trip, the AES-GCM open and the parse. Building the "
                + "credential is not timed. With Redis, a bare `GET` of the same entry on a plain socket is timed just "
                + "before each call: the loopback floor at the same moments. Every sample counts (GC pauses and "
                + "descheduling included); nearest-rank percentiles.\n\n"
                + Markdown.table(List.of("Store", "Samples", "p50", "p90", "p99", "max", "Token requests"), rows)
                + (notes.length() == 0 ? "" : notes.append('\n').toString())
                + "In-process hit with a shared cache configured: JMH (`AzidSharedCacheHitBenchmark`, as section a's "
                + "`AzidCachedTokenBenchmark.getToken`, 1 thread, with `sharedCache(...)` in the options; `-prof gc`). "
                + "The store is not asked on a hit.\n\n"
                + Markdown.table(List.of("Shared store configured", "Latency", "Bytes per call"), jmhRows);
    }

    /**
     * Renders section i and adds its verdict.
     *
     * @param ctx the run
     * @param verdicts where to add
     * @return the Markdown
     */
    static String outage(ReportContext ctx, List<Verdict> verdicts) {
        Results r = ctx.results();
        String failed = r.get("outage.failed");
        verdicts.add(new Verdict("i", "Redis killed mid-run: 0 failed getToken calls", failed == null ? "n/a" : failed,
                failed == null ? null : "0".equals(failed), failed == null ? r.get("outage.error", "not run") : ""));
        if (failed == null) {
            return "## i. Redis outage mid-run\n\nNot measured: " + r.get("outage.error", "not run") + ".\n\n";
        }
        String n = r.get("outage.processes", "?");
        List<List<String>> rows = List.of(List.of(n, r.get("outage.tokenLifetime", "?") + " s",
                "0-" + r.get("outage.killAt") + " s: " + r.get("outage.requests.before"),
                r.get("outage.killAt") + "-" + r.get("outage.restartAt") + " s: " + r.get("outage.requests.during"),
                r.get("outage.restartAt") + "-" + r.get("outage.endAt") + " s: " + r.get("outage.requests.after"),
                Markdown.count(Double.parseDouble(r.get("outage.calls", "NaN"))), failed,
                Markdown.millis(Double.parseDouble(r.get("outage.maxMs", "NaN")))));
        return "## i. Redis outage mid-run\n\n"
                + n + " child JVMs (as in g) share a `RedisTokenStore` and each calls `getToken` every 10 ms, against a "
                + "second emulator that issues tokens of " + r.get("outage.tokenLifetime", "?") + " s (its minimum; "
                + "azid refreshes them in the background at half their lifetime). `redis-server` is killed (SIGKILL) "
                + r.get("outage.killAt") + " s after the start and started again on the same port at "
                + r.get("outage.restartAt") + " s; the run ends at " + r.get("outage.endAt") + " s. Token requests "
                + "are counted in the emulator's log per phase: with the store up, one per refresh for the fleet; "
                + "with it down each process fetches for itself (fail open), until it finds the store again (it "
                + "retries 5 s after a failure, then doubling).\n\n"
                + Markdown.table(List.of("Processes", "Token lifetime", "Requests, store up", "Requests, store down",
                        "Requests, after restart", "getToken calls", "Failed", "Slowest call"), rows)
                + (r.get("outage.firstError") == null ? "" : "- first error: " + r.get("outage.firstError") + "\n\n");
    }

    private static String micros(String micros) {
        return Markdown.nanos(Double.parseDouble(micros) * 1e3);
    }
}
