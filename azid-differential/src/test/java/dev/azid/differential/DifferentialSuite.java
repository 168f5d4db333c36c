package dev.azid.differential;

import static org.assertj.core.api.Assertions.assertThat;

import dev.azid.test.TestCertificates;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * The base of each differential test class. Before the tests it runs every {@link Group} of the class on
 * both sides (reference and azid, each group in one child JVM per side, both sides at once), spread over a
 * few lanes; each lane has its own pair of emulators, so that no two children share a request log. A test
 * method then compares one probe with {@link #assertSame(String, Difference...)}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class DifferentialSuite {

    /** Groups run at once: most of a child's time is JVM start-up and waiting, so a few lanes fit two cores. */
    private static final int LANES = 3;

    private final List<Side> sides = new ArrayList<>();
    private final Map<String, Outcome[]> outcomes = new HashMap<>();

    /** @return the class's groups; probe ids are unique across them */
    abstract List<Group> groups();

    @BeforeAll
    void runGroups(@TempDir Path dir) throws InterruptedException {
        TestCertificates certs = TestCertificates.valid();
        int lanes = Math.min(LANES, groups().size());
        BlockingQueue<Side[]> free = new ArrayBlockingQueue<>(lanes);
        for (int i = 0; i < lanes; i++) {
            Side ref = new Side("reference", dir.resolve("lane" + i), certs);
            Side azid = new Side("azid", dir.resolve("lane" + i), certs);
            sides.add(ref);
            sides.add(azid);
            free.add(new Side[] {ref, azid});
        }
        String suite = getClass().getSimpleName();
        ExecutorService pool = Executors.newFixedThreadPool(lanes);
        // The reference side's runs get threads of their own: sharing the lanes' pool could starve them.
        ExecutorService referenceRuns = Executors.newFixedThreadPool(lanes);
        try {
            List<CompletableFuture<Void>> all = new ArrayList<>();
            for (Group group : groups()) {
                all.add(CompletableFuture.runAsync(() -> {
                    Side[] lane = take(free);
                    try {
                        CompletableFuture<Map<String, Outcome>> ref = CompletableFuture.supplyAsync(
                                () -> Harness.run(suite, group, lane[0]), referenceRuns);
                        Map<String, Outcome> az = Harness.run(suite, group, lane[1]);
                        Map<String, Outcome> rf = ref.join();
                        synchronized (outcomes) {
                            rf.forEach((id, o) -> outcomes.put(id, new Outcome[] {o, az.get(id)}));
                        }
                    } finally {
                        free.add(lane);
                    }
                }, pool));
            }
            CompletableFuture.allOf(all.toArray(CompletableFuture[]::new)).join();
        } finally {
            pool.shutdownNow();
            referenceRuns.shutdownNow();
        }
    }

    private static Side[] take(BlockingQueue<Side[]> free) {
        try {
            return free.take();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @AfterAll
    void stopSides() {
        sides.forEach(Side::close);
    }

    /**
     * Asserts that azid did what azure-identity did for a probe, except exactly for the named deliberate
     * differences: each must change the comparison (it was really observed), and after all of them are
     * accounted for, every aspect must be equal.
     *
     * @param probeId the probe
     * @param expected the deliberate differences this probe shows
     * @return the reference's outcome, for further assertions on what both did
     */
    Outcome assertSame(String probeId, Difference... expected) {
        Outcome[] both;
        synchronized (outcomes) {
            both = outcomes.get(probeId);
        }
        assertThat(both).as("probe %s ran", probeId).isNotNull();
        String report = "\nprobe " + probeId + "\n  reference: " + both[0] + "\n  azid:      " + both[1];
        Outcome ref = both[0];
        Outcome az = both[1];
        for (Difference d : expected) {
            Outcome[] after = d.account(ref, az);
            assertThat(after[0].equals(ref) && after[1].equals(az))
                    .as("deliberate difference %s (%s) observed%s", d, d.reason(), report).isFalse();
            ref = after[0];
            az = after[1];
        }
        assertThat(ref.differences(az)).as("aspects that differ, beyond %s (these named differences would account "
                + "for all of it: %s)%s", Arrays.toString(expected), Difference.explaining(ref, az), report).isEmpty();
        assertThat(both[0].status()).as("the probe ran" + report).doesNotContain("NO_RESULT");
        return both[0];
    }
}
