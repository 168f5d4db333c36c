package dev.azid;

import static org.assertj.core.api.Assertions.assertThat;

import dev.azid.emulator.EmulatorConfig;
import dev.azid.emulator.EntraEmulator;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Many JVMs on one host sharing one {@link FileSharedTokenStore}, against one emulator: a cold fleet
 * makes one token request per identity and scope, a due refresh and an expiry one request each for
 * the whole fleet, and managed-identity requests stay within the host's limits.
 */
class SharedCacheFleetTest {

    private static final Logger LOG = LoggerFactory.getLogger(SharedCacheFleetTest.class);
    private static final int JVMS = 8;
    private static final String ARM = FleetLifecycle.ARM;

    @TempDir
    Path dir;

    @Test
    @Timeout(120)
    void clientSecret_eightJvms_oneRequestPerScope_thenOnePerRefreshAndPerExpiry() throws Exception {
        try (EntraEmulator e = EntraEmulator.builder().config(FleetLifecycle.sixtySecondTokens()).start();
                Fleet fleet = Fleet.start(JVMS, List.of("secret", e.endpoints().httpAuthorityHost().toString(),
                        dir.resolve("tokens").toString(), FleetLifecycle.sealKey()))) {
            FleetLifecycle.coldRefreshExpiry(fleet, e).log(LOG, "fleet", JVMS, fleet.startMillis());
        }
    }

    @Test
    @Timeout(120)
    void managedIdentity_eightJvms_oneRequestPerResource_neverMoreThanFiveAtOnceOrTwentyPerSecond() throws Exception {
        int resources = 32;
        var builder = EmulatorConfig.defaults().toBuilder();
        List<String> names = new ArrayList<>();
        for (int i = 0; i < resources; i++) {
            String uri = "api://fleet-" + i;
            builder.addResource(EmulatorConfig.Resource.builder(uri, UUID.nameUUIDFromBytes(uri.getBytes()).toString()).build());
            names.add(uri);
        }
        AtomicInteger inside = new AtomicInteger();
        AtomicInteger most = new AtomicInteger();
        List<Long> arrivals = Collections.synchronizedList(new ArrayList<>());
        try (EntraEmulator e = EntraEmulator.builder().config(builder.build()).dispatcher(routes -> call -> {
            if (!call.path().startsWith("/metadata/identity/oauth2/token")) {
                return routes.dispatch(call);
            }
            arrivals.add(System.nanoTime());
            most.accumulateAndGet(inside.incrementAndGet(), Math::max);
            try {
                // A slow IMDS, so that requests overlap and the limiter has something to hold back.
                Thread.sleep(100);
                return routes.dispatch(call);
            } catch (InterruptedException ie) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(ie);
            } finally {
                inside.decrementAndGet();
            }
        }).start(); Fleet fleet = Fleet.start(JVMS, List.of("mi", e.endpoints().imdsEndpoint().toString(),
                dir.resolve("tokens").toString(), FleetLifecycle.sealKey()))) {
            e.requestLog().clear();
            arrivals.clear();
            List<String> commands = new ArrayList<>();
            for (int child = 0; child < JVMS; child++) {
                StringBuilder c = new StringBuilder("TOKEN");
                for (int k = 0; k < 8; k++) {
                    c.append(' ').append(names.get((child * 4 + k) % resources)).append("/.default");
                }
                commands.add(c.toString());
            }
            long took = fleet.send(commands);
            Map<String, Long> perResource = e.requestLog().matching("/metadata/identity/oauth2/token").stream()
                    .collect(Collectors.groupingBy(r -> r.query().get("resource"), Collectors.counting()));
            assertThat(perResource).hasSize(resources).allSatisfy((r, n) -> assertThat(n).as(r).isEqualTo(1));
            assertThat(most.get()).as("IMDS requests at once").isBetween(2, 5);
            // First, so that a limiter that gave up (and said so) is named as the cause of too many arrivals.
            assertThat(fleet.diagnostics()).noneMatch(l -> l.contains("WARN") || l.contains("FAIL"));
            List<Long> sorted = new ArrayList<>(arrivals);
            Collections.sort(sorted);
            for (int i = 0; i + 20 < sorted.size(); i++) {
                // Arrival times at the emulator, a few ms after the limiter's own clock admitted them.
                assertThat(Duration.ofNanos(sorted.get(i + 20) - sorted.get(i))).as("21 arrivals within a second")
                        .isGreaterThan(Duration.ofMillis(950));
            }
            Set<String> distinct = Set.copyOf(fleet.answers().stream().map(a -> a.split(" ")[1]).toList());
            assertThat(distinct).hasSize(resources);
            LOG.info("managed identity fleet of {} JVMs: {} resources, {} IMDS requests, at most {} at once, all answered in {} ms",
                    JVMS, resources, sorted.size(), most.get(), took);
        }
    }
}
