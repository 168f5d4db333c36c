package dev.azid;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * Child JVMs running {@link SharedCacheFleetChild} with the test classpath, driven over stdin and
 * read over stdout: started together, waited for until each is ready, then released together by
 * writing the same command to every child before reading any answer.
 */
final class Fleet implements AutoCloseable {

    private static final String PREFIX = "AZID-FLEET ";

    private final List<Process> processes = new ArrayList<>();
    private final List<Writer> inputs = new ArrayList<>();
    private final List<BlockingQueue<String>> outputs = new ArrayList<>();
    private final List<String> diagnostics = Collections.synchronizedList(new ArrayList<>());
    private final List<String> answers = new ArrayList<>();
    private long startMillis;

    private Fleet() {
    }

    /**
     * Starts the children and waits until every one is ready.
     *
     * @param n how many
     * @param args the child's arguments
     * @return the fleet
     * @throws Exception if a child does not start
     */
    static Fleet start(int n, List<String> args) throws Exception {
        return start(n, SharedCacheFleetChild.class, args);
    }

    /**
     * Starts children running another main class (one that ends in {@link SharedCacheFleetChild#run}),
     * for example over another store, and waits until every one is ready.
     *
     * @param n how many
     * @param main the child's main class, on the test classpath
     * @param args the child's arguments
     * @return the fleet
     * @throws Exception if a child does not start
     */
    static Fleet start(int n, Class<?> main, List<String> args) throws Exception {
        Fleet fleet = new Fleet();
        long start = System.nanoTime();
        String java = Path.of(ProcessHandle.current().info().command().orElse(
                Path.of(System.getProperty("java.home"), "bin", "java").toString())).toString();
        try {
            for (int i = 0; i < n; i++) {
                List<String> argv = new ArrayList<>(List.of(java, "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Xmx96m",
                        "-cp", System.getProperty("java.class.path"), main.getName()));
                argv.addAll(args);
                Process p = new ProcessBuilder(argv).redirectErrorStream(true).start();
                fleet.processes.add(p);
                fleet.inputs.add(new OutputStreamWriter(p.getOutputStream(), StandardCharsets.UTF_8));
                BlockingQueue<String> out = new LinkedBlockingQueue<>();
                fleet.outputs.add(out);
                Thread reader = new Thread(() -> fleet.read(p, out), "fleet-child-" + i);
                reader.setDaemon(true);
                reader.start();
            }
            for (BlockingQueue<String> out : fleet.outputs) {
                assertThat(next(out)).isEqualTo("READY");
            }
        } catch (Exception | AssertionError e) {
            fleet.close();
            throw e;
        }
        fleet.startMillis = (System.nanoTime() - start) / 1_000_000;
        return fleet;
    }

    private void read(Process p, BlockingQueue<String> out) {
        try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line = r.readLine(); line != null; line = r.readLine()) {
                if (line.startsWith(PREFIX)) {
                    out.add(line.substring(PREFIX.length()));
                } else {
                    diagnostics.add(line);
                }
            }
        } catch (IOException e) {
            diagnostics.add("reader: " + e);
        }
    }

    private static String next(BlockingQueue<String> out) throws InterruptedException {
        String line = out.poll(60, TimeUnit.SECONDS);
        if (line == null) {
            throw new AssertionError("a child did not answer within 60 s");
        }
        return line;
    }

    /** @return how long starting the fleet took, until every child was ready */
    long startMillis() {
        return startMillis;
    }

    /**
     * Sends one command to every child at once and collects the answers.
     *
     * @param command the command
     * @return milliseconds until every child was done
     * @throws Exception if a child fails or does not answer
     */
    long sendAll(String command) throws Exception {
        return send(Collections.nCopies(processes.size(), command));
    }

    /**
     * Sends each child its command, all before reading any answer, and collects the answers.
     *
     * @param commands one per child
     * @return milliseconds until every child was done
     * @throws Exception if a child fails or does not answer
     */
    long send(List<String> commands) throws Exception {
        answers.clear();
        long start = System.nanoTime();
        for (int i = 0; i < inputs.size(); i++) {
            inputs.get(i).write(commands.get(i) + "\n");
            inputs.get(i).flush();
        }
        for (BlockingQueue<String> out : outputs) {
            for (String line = next(out); !line.equals("DONE"); line = next(out)) {
                assertThat(line).doesNotStartWith("FAIL");
                answers.add(line);
            }
        }
        return (System.nanoTime() - start) / 1_000_000;
    }

    /** @return the answers to the last command, {@code TOKEN <scope> <hash>} */
    List<String> answers() {
        return List.copyOf(answers);
    }

    /**
     * The one token hash every child answered for a scope in the last command.
     *
     * @param scope the scope
     * @return the hash
     */
    String onlyToken(String scope) {
        List<String> hashes = answers.stream().filter(a -> a.startsWith("TOKEN " + scope + " "))
                .map(a -> a.substring(("TOKEN " + scope + " ").length())).distinct().toList();
        assertThat(hashes).as("the token every child got for " + scope).hasSize(1);
        assertThat(answers.stream().filter(a -> a.startsWith("TOKEN " + scope + " "))).hasSize(processes.size());
        return hashes.get(0);
    }

    /** @return every line the children printed besides answers (logs) */
    List<String> diagnostics() {
        return List.copyOf(diagnostics);
    }

    @Override
    public void close() {
        for (int i = 0; i < processes.size(); i++) {
            try {
                inputs.get(i).write("EXIT\n");
                inputs.get(i).flush();
            } catch (IOException e) {
                // Already gone.
            }
        }
        for (Process p : processes) {
            try {
                if (!p.waitFor(10, TimeUnit.SECONDS)) {
                    p.destroyForcibly();
                }
            } catch (InterruptedException e) {
                p.destroyForcibly();
                Thread.currentThread().interrupt();
            }
        }
    }
}
