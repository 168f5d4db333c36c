package dev.azid.benchmarks;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Report section g: fleet cold start, many JVMs released together against one emulator. */
final class FleetSection {

    private static final Map<String, String> NAMES = new LinkedHashMap<>();

    static {
        NAMES.put("azid-file", "azid, `FileSharedTokenStore`");
        NAMES.put("azid-redis", "azid, `RedisTokenStore`");
        NAMES.put("azure-identity", "azure-identity (per-process cache)");
        NAMES.put("msal4j-redis", "MSAL4J, Redis `ITokenCacheAccessAspect`");
    }

    private FleetSection() {
    }

    /**
     * Renders section g and adds its verdicts (azid: 1 token request per fleet, each store and size).
     *
     * @param ctx the run
     * @param verdicts where to add
     * @return the Markdown
     */
    static String render(ReportContext ctx, List<Verdict> verdicts) {
        Results r = ctx.results();
        String sizes = r.get("fleet.sizes", "");
        if (sizes.isEmpty()) {
            verdicts.add(new Verdict("g", "azid fleet cold start: 1 token request per identity and scope", "n/a", null,
                    "the fleet benchmark did not run"));
            return "## g. Fleet cold start\n\nNot run.\n\n";
        }
        List<String> clients = List.of(r.get("fleet.clients", "").split(","));
        List<List<String>> rows = new ArrayList<>();
        StringBuilder notes = new StringBuilder();
        for (String n : sizes.split(",")) {
            for (String c : clients) {
                String k = "fleet." + c + "." + n;
                if (r.get(k + ".skipped") != null) {
                    rows.add(List.of(NAMES.getOrDefault(c, c), n, "not run", "", "", "", ""));
                    continue;
                }
                double[] ms = r.samples(k + ".ms");
                String requests = r.get(k + ".requests", "n/a");
                int failed = r.count(k + ".failed");
                int timedOut = r.count(k + ".timedOut");
                rows.add(List.of(NAMES.getOrDefault(c, c), n, requests, ms.length + " of " + n,
                        Markdown.millis(Samples.median(ms)), Markdown.millis(Samples.max(ms)),
                        failed + " / " + timedOut));
                if (r.get(k + ".error") != null) {
                    notes.append("- ").append(NAMES.getOrDefault(c, c)).append(", ").append(n).append(" JVMs, first error: ")
                            .append(r.get(k + ".error")).append('\n');
                }
                if (c.startsWith("azid-")) {
                    boolean ran = !"n/a".equals(requests) && ms.length == Integer.parseInt(n);
                    verdicts.add(new Verdict("g", NAMES.get(c) + ": 1 token request for " + n + " JVMs released together",
                            requests + (ran ? "" : " (" + ms.length + " of " + n + " got a token)"),
                            ran ? "1".equals(requests) : null, ran ? ctx.conditions() : r.get(k + ".error", "")));
                }
            }
        }
        String missing = clients.contains("azid-redis") ? "" : "The Redis rows are missing: "
                + r.get("redis.error", "no azid-redis classpath was given") + ".\n\n";
        return "## g. Fleet cold start: N JVMs released together\n\n"
                + "Per client and size, N child JVMs (`" + r.get("fleet.jvmOptions", "") + "`) are started together against "
                + "the one emulator (HTTPS); each builds its `ClientSecretCredential` (MSAL4J: its "
                + "`ConfidentialClientApplication`), prints that it is ready and waits on standard input; when all "
                + "are ready the parent writes one start line to every child before reading any answer. Each child "
                + "then asks for a token for the same identity and scope and exits. Token requests: the emulator's "
                + "request log, token endpoint and scope (target for azid: 1). Time: the parent's clock, from the "
                + "start line to each child's answer (p50 and max over the children). azid's children share a "
                + "`FileSharedTokenStore` directory (new per fleet) or a `RedisTokenStore` on one `redis-server` "
                + "on 127.0.0.1 (a new key prefix per fleet), AES-256-GCM key given; azure-identity's have their "
                + "default per-process cache; MSAL4J's load the application's serialised cache from that Redis "
                + "before every cache access and store it after an access that changed it (`RedisTokenCacheAspect`, "
                + "written for the benchmark as MSAL4J's cache-access aspect documentation describes; Jedis). Each "
                + "fleet and phase (ready, then tokens) is bounded by " + r.get("fleet.timeoutSeconds", "?")
                + " s; a client that times out is not run at larger sizes.\n\n" + missing
                + Markdown.table(List.of("Client", "JVMs", "Token requests", "Got a token", "Time to token, p50",
                        "Time until all have a token (max)", "Failed / timed out"), rows)
                + (notes.length() == 0 ? "" : notes.append('\n').toString());
    }
}
