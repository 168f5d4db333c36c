package dev.azid.differential;

import dev.azid.emulator.RecordedRequest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Runs one group on one side in a child JVM and reads back an {@link Outcome} per probe. */
final class Harness {

    /** Where each child's output is kept, for diagnosis. */
    static final Path OUTPUT = Path.of("target", "differential");
    private static final long CHILD_TIMEOUT_SECONDS = 90;
    /** A chain's log line about one attempt: azure-identity's (INFO) or azid's (DEBUG). */
    private static final Pattern ATTEMPT = Pattern.compile("Attempted credential (\\w+)|DefaultAzureCredential: (\\w+)\\S* "
            + "(?:is unavailable|returned a token|failed)");

    private Harness() {
    }

    /**
     * Runs a group.
     *
     * @param suite names the output files
     * @param group the group
     * @param side the side
     * @return the outcome of each probe, by id
     */
    static Map<String, Outcome> run(String suite, Group group, Side side) {
        try {
            side.emulator.requestLog().clear();
            Files.writeString(side.tools.calls(), "");
            Path plan = Files.write(side.dir.resolve(group.name() + ".plan"),
                    group.probes().stream().map(p -> p.resolve(side.authorityHost()).encode()).toList(), StandardCharsets.UTF_8);
            Files.createDirectories(OUTPUT);
            Path out = OUTPUT.resolve(suite + "-" + group.name() + "-" + side.name + ".out");
            List<String> argv = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Xshare:auto",
                    "-Djavax.net.ssl.trustStore=" + side.trustStore,
                    "-Djavax.net.ssl.trustStorePassword=" + ChildTrust.PASSWORD,
                    "-Djavax.net.ssl.trustStoreType=PKCS12",
                    "-Dlogback.configurationFile=" + Path.of("target", "test-classes", "child-logback.xml").toAbsolutePath(),
                    "-Dhttps.proxyHost=127.0.0.1", "-Dhttps.proxyPort=" + proxyPort(side),
                    "-Dhttp.proxyHost=127.0.0.1", "-Dhttp.proxyPort=" + proxyPort(side),
                    "-Dhttp.nonProxyHosts=127.0.0.1|localhost",
                    "-cp", System.getProperty("java.class.path"), ChildMain.class.getName(),
                    side.name, plan.toString(), side.emulator.endpoints().httpAuthorityHost().toString(),
                    side.tools.calls().getParent().toString()));
            ProcessBuilder pb = new ProcessBuilder(argv).redirectErrorStream(true).redirectOutput(out.toFile());
            pb.environment().clear();
            pb.environment().putAll(environment(group, side));
            Process p = pb.start();
            p.getOutputStream().close();
            if (!p.waitFor(CHILD_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                p.descendants().forEach(ProcessHandle::destroyForcibly);
                p.destroyForcibly();
            }
            return outcomes(group, side, Files.readAllLines(out, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /**
     * The child's whole environment: only the fakes on {@code PATH}, a private {@code HOME} (no real tool
     * configuration, IDE cache or token cache is found), IMDS at a refused port unless the group says
     * otherwise, the emulator's transparent mode as the proxy, then the group's variables.
     */
    static Map<String, String> environment(Group group, Side side) {
        Map<String, String> env = new HashMap<>();
        env.put("PATH", side.tools.bin().toAbsolutePath().toString());
        env.put("HOME", side.dir.resolve("home").toAbsolutePath().toString());
        env.put("AZURE_POD_IDENTITY_AUTHORITY_HOST", "http://127.0.0.1:1");
        env.put("HTTPS_PROXY", side.emulator.endpoints().proxyUrl().toString());
        env.put("HTTP_PROXY", side.emulator.endpoints().proxyUrl().toString());
        env.put("NO_PROXY", "127.0.0.1,localhost");
        group.env().apply(side).forEach((k, v) -> {
            if (v.isEmpty()) {
                env.remove(k);
            } else {
                env.put(k, v);
            }
        });
        return env;
    }

    private static Map<String, Outcome> outcomes(Group group, Side side, List<String> output) throws IOException {
        Map<String, List<Map<String, String>>> results = new HashMap<>();
        List<String> attempts = new ArrayList<>();
        for (String line : output) {
            Matcher m = ATTEMPT.matcher(line);
            if (m.find()) {
                String name = m.group(1) != null ? m.group(1) : m.group(2);
                if (!attempts.contains(name)) {
                    attempts.add(name);
                }
            }
            if (line.startsWith("RESULT ")) {
                Map<String, String> r = new HashMap<>(Probe.decodeMap(line.substring("RESULT ".length())));
                r.put("chain", String.join(",", attempts));
                attempts.clear();
                results.computeIfAbsent(r.get("id"), k -> new ArrayList<>()).add(r);
            }
        }
        List<RecordedRequest> log = side.emulator.requestLog().all();
        Map<String, List<RecordedRequest>> requests = byProbe(log);
        Map<String, List<String>> calls = callsByProbe(Files.readAllLines(side.tools.calls(), StandardCharsets.UTF_8));
        Map<String, Outcome> out = new LinkedHashMap<>();
        for (Probe probe : group.probes()) {
            out.put(probe.id(), outcome(probe, results.getOrDefault(probe.id(), List.of()),
                    requests.getOrDefault(probe.id(), List.of()), calls.getOrDefault(probe.id(), List.of())));
        }
        return out;
    }

    private static Outcome outcome(Probe probe, List<Map<String, String>> results, List<RecordedRequest> all,
            List<String> calls) {
        // What went through the proxy (CONNECT to a real host, and the requests in the tunnel) would have left the machine.
        List<String> outbound = all.stream().filter(r -> r.method().equals("CONNECT")).map(RecordedRequest::path).distinct().toList();
        List<RecordedRequest> requests = all.stream().filter(r -> !r.method().equals("CONNECT") && local(r)).toList();
        List<String> status = new ArrayList<>();
        List<String> messages = new ArrayList<>();
        for (Map<String, String> r : results) {
            status.add(r.get("phase") + ":" + r.get("status"));
            if (r.containsKey("message")) {
                messages.add(r.get("type") + ": " + r.get("message"));
            }
        }
        if (results.isEmpty()) {
            status.add("NO_RESULT");
        }
        Map<String, String> last = results.isEmpty() ? Map.of() : results.get(results.size() - 1);
        String answer = "-";
        if ("TOKEN".equals(last.get("status"))) {
            answer = last.get("label");
            if (answer.equals("emulator")) {
                answer = requests.stream().filter(r -> r.status() == 200 && !Observations.isDiscovery(r))
                        .reduce((a, b) -> b).map(Observations::answer).orElse("emulator?");
            }
        }
        String chain = probe.subject() == Probe.Subject.DEFAULT
                ? String.join(" | ", results.stream().map(r -> r.get("chain")).toList()) : "";
        List<String> normalised = requests.stream().filter(r -> !Observations.isDiscovery(r)).map(Observations::request).toList();
        int discovery = (int) requests.stream().filter(Observations::isDiscovery).count();
        return new Outcome(status, answer, normalised, discovery, calls.stream().map(Observations::toolCall).toList(), chain,
                outbound, messages);
    }

    private static Map<String, List<RecordedRequest>> byProbe(List<RecordedRequest> log) {
        Map<String, List<RecordedRequest>> out = new HashMap<>();
        String current = null;
        for (RecordedRequest r : log) {
            if (r.path().startsWith("/__probe/")) {
                current = r.path().substring("/__probe/".length());
            } else if (current != null) {
                out.computeIfAbsent(current, k -> new ArrayList<>()).add(r);
            }
        }
        return out;
    }

    private static boolean local(RecordedRequest r) {
        String host = r.header("host").orElse("127.0.0.1");
        return host.startsWith("127.0.0.1") || host.startsWith("localhost");
    }

    private static int proxyPort(Side side) {
        return side.emulator.endpoints().proxyUrl().getPort();
    }

    private static Map<String, List<String>> callsByProbe(List<String> lines) {
        Map<String, List<String>> out = new HashMap<>();
        String current = null;
        for (String line : lines) {
            if (line.startsWith("#probe" + FakeTools.SEPARATOR)) {
                current = line.substring(("#probe" + FakeTools.SEPARATOR).length());
            } else if (current != null && !line.isEmpty()) {
                out.computeIfAbsent(current, k -> new ArrayList<>()).add(line);
            }
        }
        return out;
    }
}
