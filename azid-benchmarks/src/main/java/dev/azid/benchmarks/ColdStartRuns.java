package dev.azid.benchmarks;

import dev.azid.emulator.EntraEmulator;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Whole-process cold start to the first token (and classes loaded by then): runs the azid, the
 * azure-identity and the bare-POST child in turn, one discarded warm-up round (disk cache, the
 * emulator's own JIT) and then {@code runs} rounds, rotating which client goes first.
 *
 * <p>Writes, per client key ({@code azid}, {@code azure-identity}, {@code bare-post}):
 * {@code coldstart.<key>.ms} (parent clock, process start to the child's first-token line),
 * {@code .classes} (loaded classes), {@code .requests} (HTTP requests the emulator saw per run),
 * {@code .failures} and {@code .error}.
 */
final class ColdStartRuns {

    /** One client under test. */
    private record Client(String key, Class<?> mainClass, String classpath) {
    }

    private final ChildLauncher launcher;
    private final EntraEmulator emulator;
    private final ChildSettings settings;
    private final List<Client> clients;

    /**
     * @param launcher starts the children
     * @param emulator the running emulator (its request log is cleared before every child)
     * @param settings the token request
     * @param azidClasspath azid's runtime classpath
     * @param peerClasspath azure-identity's runtime classpath
     */
    ColdStartRuns(ChildLauncher launcher, EntraEmulator emulator, ChildSettings settings, String azidClasspath,
            String peerClasspath) {
        this.launcher = launcher;
        this.emulator = emulator;
        this.settings = settings;
        this.clients = List.of(new Client("azid", ColdStartAzid.class, azidClasspath),
                new Client("azure-identity", ColdStartAzureIdentity.class, peerClasspath),
                new Client("bare-post", ColdStartBarePost.class, ""));
    }

    /**
     * Runs the rounds and records the samples.
     *
     * @param runs measured rounds
     * @param timeout limit per child
     * @param results where to write
     * @throws IOException if a child cannot be started
     * @throws InterruptedException if interrupted
     */
    void run(int runs, Duration timeout, Results results) throws IOException, InterruptedException {
        for (Client c : clients) {
            ChildJvm.Result warm = runOnce(c, timeout);
            System.out.printf("cold start warm-up %-15s %s%n", c.key(), warm.line(ChildOutput.TOKEN).isPresent()
                    ? "ok" : "FAILED " + warm.describe());
        }
        List<List<Double>> ms = lists();
        List<List<Double>> classes = lists();
        List<List<Double>> requests = lists();
        int[] failures = new int[clients.size()];
        String[] errors = new String[clients.size()];
        for (int round = 0; round < runs; round++) {
            for (int j = 0; j < clients.size(); j++) {
                int i = (round + j) % clients.size();
                Client c = clients.get(i);
                ChildJvm.Result r = runOnce(c, timeout);
                Optional<ChildJvm.Line> token = r.line(ChildOutput.TOKEN);
                Optional<ChildJvm.Line> count = r.line(ChildOutput.CLASSES);
                if (token.isEmpty() || count.isEmpty()) {
                    failures[i]++;
                    if (errors[i] == null) {
                        errors[i] = r.describe();
                    }
                    System.out.printf("cold start %-15s round %d FAILED %s%n", c.key(), round, r.describe());
                    continue;
                }
                ms.get(i).add(token.get().nanosSinceStart() / 1e6);
                classes.get(i).add(Double.parseDouble(count.get().text().substring(ChildOutput.CLASSES.length())));
                requests.get(i).add((double) emulator.requestLog().all().size());
                System.out.printf("cold start %-15s round %d: %.0f ms to first token, %s%n", c.key(), round,
                        token.get().nanosSinceStart() / 1e6, count.get().text());
            }
        }
        results.put("coldstart.runs", runs);
        for (int i = 0; i < clients.size(); i++) {
            String k = "coldstart." + clients.get(i).key();
            results.putSamples(k + ".ms", ms.get(i));
            results.putSamples(k + ".classes", classes.get(i));
            results.putSamples(k + ".requests", requests.get(i));
            results.put(k + ".failures", failures[i]);
            if (errors[i] != null) {
                results.put(k + ".error", errors[i]);
            }
        }
    }

    private ChildJvm.Result runOnce(Client c, Duration timeout) throws IOException, InterruptedException {
        emulator.requestLog().clear();
        Map<String, String> env = settings.toEnvironment();
        return launcher.run(c.classpath(), c.mainClass(), List.of(), env, timeout);
    }

    private List<List<Double>> lists() {
        List<List<Double>> l = new ArrayList<>();
        for (int i = 0; i < clients.size(); i++) {
            l.add(new ArrayList<>());
        }
        return l;
    }
}
