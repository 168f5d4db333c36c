package dev.azid;

import dev.azid.emulator.EmulatorConfig;
import dev.azid.internal.fingerprint.Fingerprints;
import dev.azid.test.UtcMillisClock;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One process of a fleet for {@link SharedCacheFleetTest}: builds one credential over a shared file
 * store, prints {@code AZID-FLEET READY}, then obeys lines on stdin, each answered by
 * {@code AZID-FLEET DONE}:
 * <ul>
 *   <li>{@code TOKEN s1 s2 ...}: gets a token for each scope at once, printing {@code AZID-FLEET TOKEN <scope> <hash>};</li>
 *   <li>{@code REFRESHED s}: gets the (stale) token, waits for the background refresh, prints the new one's hash;</li>
 *   <li>{@code ADVANCE n}: moves this process's clock n seconds on;</li>
 *   <li>{@code EXIT}.</li>
 * </ul>
 */
public final class SharedCacheFleetChild {

    private static final String OUT = "AZID-FLEET ";

    private SharedCacheFleetChild() {
    }

    /**
     * Entry point.
     *
     * @param args {@code secret <authority> <dir> <key>} or {@code mi <imds> <dir> <key>}
     * @throws Exception on set-up errors
     */
    public static void main(String[] args) throws Exception {
        run(args, FileSharedTokenStore.builder().directory(Path.of(args[2])).build());
    }

    /**
     * Runs a child over any store (another module's child builds its own and calls this).
     *
     * @param args {@code secret <authority> <store> <key>} or {@code mi <imds> <store> <key>}; the store argument is
     *     the caller's to interpret
     * @param store the shared store
     * @throws Exception on set-up errors
     */
    static void run(String[] args, SharedTokenStore store) throws Exception {
        OffsetClock clock = new OffsetClock();
        TrackingExecutor executor = new TrackingExecutor();
        SharedTokenCache shared = SharedTokenCache.builder()
                .store(store)
                .encryptionKey(Base64.getDecoder().decode(args[3])).build();
        CredentialOptions.Builder options = CredentialOptions.builder().sharedCache(shared).executor(executor).clock(clock);
        TokenCredential credential = args[0].equals("mi")
                ? ManagedIdentityCredential.builder().options(options.environment(Environment.of(Map.of(
                        "AZURE_POD_IDENTITY_AUTHORITY_HOST", args[1]))).build()).build()
                : ClientSecretCredential.builder().options(options.environment(Environment.of(Map.of()))
                        .authorityHost(args[1]).build()).tenantId(EmulatorConfig.DEFAULT_TENANT_ID)
                        .clientId(EmulatorConfig.DEFAULT_CLIENT_ID).clientSecret(EmulatorConfig.DEFAULT_CLIENT_SECRET).build();
        System.out.println(OUT + "READY");
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        for (String line = in.readLine(); line != null && !line.equals("EXIT"); line = in.readLine()) {
            String[] words = line.split(" ");
            try {
                switch (words[0]) {
                    case "TOKEN" -> {
                        List<CompletableFuture<String>> answers = new ArrayList<>();
                        for (int i = 1; i < words.length; i++) {
                            String scope = words[i];
                            answers.add(CompletableFuture.supplyAsync(() -> scope + " "
                                    + hash(credential.getToken(TokenRequestContext.of(scope))), executor));
                        }
                        for (CompletableFuture<String> a : answers) {
                            System.out.println(OUT + "TOKEN " + a.join());
                        }
                    }
                    case "REFRESHED" -> {
                        credential.getToken(TokenRequestContext.of(words[1]));
                        executor.awaitIdle();
                        System.out.println(OUT + "TOKEN " + words[1] + " " + hash(credential.getToken(TokenRequestContext.of(words[1]))));
                    }
                    case "ADVANCE" -> clock.offset.addAndGet(Long.parseLong(words[1]) * 1000);
                    default -> System.out.println(OUT + "FAIL unknown command " + words[0]);
                }
            } catch (RuntimeException e) {
                System.out.println(OUT + "FAIL " + e);
            }
            System.out.println(OUT + "DONE");
        }
        System.exit(0);
    }

    private static String hash(AccessToken token) {
        return Fingerprints.sha256(token.token()).substring(0, 16);
    }

    /** The system clock moved on by a settable offset. */
    private static final class OffsetClock extends UtcMillisClock {
        final AtomicLong offset = new AtomicLong();

        @Override
        public long millis() {
            return System.currentTimeMillis() + offset.get();
        }
    }

    /** Runs tasks on daemon threads and tells when none is running. */
    private static final class TrackingExecutor implements Executor {
        private final ExecutorService pool = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r);
            t.setDaemon(true);
            return t;
        });
        private int running;

        @Override
        public synchronized void execute(Runnable task) {
            running++;
            pool.execute(() -> {
                try {
                    task.run();
                } finally {
                    done();
                }
            });
        }

        private synchronized void done() {
            running--;
            notifyAll();
        }

        synchronized void awaitIdle() throws InterruptedException {
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (running > 0 && System.nanoTime() < deadline) {
                wait(Math.max(1, (deadline - System.nanoTime()) / 1_000_000));
            }
        }
    }
}
