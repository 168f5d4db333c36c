package dev.azid.benchmarks;

import dev.azid.ClientSecretCredential;
import dev.azid.TokenRequestContext;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Child JVM for the Redis outage: a {@code ClientSecretCredential} over the shared cache the parent
 * describes ({@link SharedStores}, Redis); prints {@link FleetChild#READY}, and on the {@code go} line
 * calls {@code getToken} in a loop (every 10 ms) until the {@code stop} line, then prints
 * {@code fleet outage calls=.. failed=.. maxMs=.. firstError=..} and exits.
 */
public final class OutageChild {

    /** The result line's prefix. */
    static final String RESULT = FleetChild.PREFIX + "outage ";

    private OutageChild() {
    }

    /**
     * Entry point.
     *
     * @param args none
     * @throws Exception if standard input cannot be read
     */
    public static void main(String[] args) throws Exception {
        ChildSettings s = ChildSettings.fromEnvironment();
        ClientSecretCredential credential = SharedStores.credential(s, SharedStores.fromEnvironment());
        TokenRequestContext request = TokenRequestContext.of(s.scope());
        System.out.println(FleetChild.READY);
        System.out.flush();
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        if (in.readLine() == null) {
            System.exit(3);
        }
        AtomicBoolean stop = new AtomicBoolean();
        long[] counts = new long[3];
        String[] firstError = {""};
        Thread loop = new Thread(() -> {
            while (!stop.get()) {
                long start = System.nanoTime();
                try {
                    credential.getToken(request);
                } catch (RuntimeException e) {
                    counts[1]++;
                    if (firstError[0].isEmpty()) {
                        firstError[0] = ChildOutput.describe(e).replace(' ', '_');
                    }
                }
                counts[0]++;
                counts[2] = Math.max(counts[2], System.nanoTime() - start);
                try {
                    Thread.sleep(10);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }, "caller");
        loop.start();
        in.readLine();
        stop.set(true);
        loop.join(10_000);
        ChildOutput.printAndExit(String.format(Locale.ROOT, RESULT + "calls=%d failed=%d maxMs=%.1f firstError=%s",
                counts[0], counts[1], counts[2] / 1e6, firstError[0]), 0);
    }
}
