package dev.azid;

import static org.assertj.core.api.Assertions.assertThat;

import dev.azid.emulator.EntraEmulator;
import dev.azid.redis.RedisServer;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Many JVMs sharing one real redis-server, against one emulator: a cold fleet makes one token
 * request per identity and scope, a due refresh and an expiry one each; with Redis killed mid-run
 * every process fetches for itself (one warning each), and once Redis is back they share again.
 */
class RedisFleetTest {

    private static final Logger LOG = LoggerFactory.getLogger(RedisFleetTest.class);
    private static final int JVMS = 8;
    private static final String ARM = FleetLifecycle.ARM;
    // SharedTokenCache's first pause after a store failure (StoreHealth): 5 s.
    private static final long FIRST_PAUSE_MILLIS = 5_000;

    @TempDir
    Path dir;

    private static Fleet fleet(EntraEmulator e, RedisServer redis) throws Exception {
        return Fleet.start(JVMS, RedisFleetChild.class, List.of("secret", e.endpoints().httpAuthorityHost().toString(),
                String.valueOf(redis.port()), FleetLifecycle.sealKey()));
    }

    @Test
    @Timeout(120)
    void clientSecret_eightJvmsOneRedis_oneRequestPerScope_thenOnePerRefreshAndPerExpiry() throws Exception {
        try (RedisServer redis = RedisServer.start(dir);
                EntraEmulator e = EntraEmulator.builder().config(FleetLifecycle.sixtySecondTokens()).start();
                Fleet fleet = fleet(e, redis)) {
            FleetLifecycle.coldRefreshExpiry(fleet, e).log(LOG, "redis fleet", JVMS, fleet.startMillis());
        }
    }

    @Test
    @Timeout(120)
    void redisKilledMidRun_everyProcessFetchesItselfWarningOnce_thenRejoinsWhenRedisIsBack() throws Exception {
        try (RedisServer redis = RedisServer.start(dir);
                EntraEmulator e = EntraEmulator.builder().config(FleetLifecycle.sixtySecondTokens()).start();
                Fleet fleet = fleet(e, redis)) {
            e.requestLog().clear();
            fleet.sendAll("TOKEN " + ARM);
            assertThat(FleetLifecycle.tokenRequests(e, ARM)).as("shared before the outage").hasSize(1);

            redis.kill();
            e.requestLog().clear();
            fleet.sendAll("ADVANCE 61");
            long firstStart = System.nanoTime();
            long outage = fleet.sendAll("TOKEN " + ARM);
            long firstEnd = System.nanoTime();
            assertThat(fleet.answers()).as("every getToken succeeded").hasSize(JVMS);
            assertThat(FleetLifecycle.tokenRequests(e, ARM)).as("each process fetched for itself").hasSize(JVMS);

            e.requestLog().clear();
            fleet.sendAll("ADVANCE 61");
            fleet.sendAll("TOKEN " + ARM);
            long secondEnd = System.nanoTime();
            assertThat(fleet.answers()).hasSize(JVMS);
            assertThat(FleetLifecycle.tokenRequests(e, ARM)).as("still alone while Redis is down").hasSize(JVMS);
            List<String> warnings = fleet.diagnostics().stream().filter(l -> l.contains("WARN")).toList();
            assertThat(warnings).as("one warning per process for the outage, not one per call").hasSize(JVMS)
                    .allMatch(l -> l.contains("shared token cache") && l.contains("RedisTokenStore[redis://127.0.0.1:")
                            && l.contains("Redis at 127.0.0.1:" + redis.port() + ": GET failed"));

            redis.restart();
            // A process asks the store again once the pause after its last failure is over: 5 s after the first
            // round, unless the second round came later than that (a slow machine) and failed again: then 10 s.
            long askAgainAt = secondEnd - firstStart > FIRST_PAUSE_MILLIS * 1_000_000
                    ? secondEnd + 2 * FIRST_PAUSE_MILLIS * 1_000_000 : firstEnd + FIRST_PAUSE_MILLIS * 1_000_000;
            long wait = (askAgainAt - System.nanoTime()) / 1_000_000 + 300;
            if (wait > 0) {
                Thread.sleep(wait);
            }
            e.requestLog().clear();
            fleet.sendAll("ADVANCE 61");
            long rejoin = fleet.sendAll("TOKEN " + ARM);
            assertThat(fleet.answers()).hasSize(JVMS);
            assertThat(FleetLifecycle.tokenRequests(e, ARM)).as("shared again after Redis came back").hasSize(1);
            fleet.onlyToken(ARM);
            assertThat(fleet.diagnostics().stream().filter(l -> l.contains("INFO") && l.contains("works again"))).hasSize(JVMS);
            assertThat(fleet.diagnostics().stream().filter(l -> l.contains("WARN"))).hasSize(JVMS);
            assertThat(fleet.diagnostics()).noneMatch(l -> l.contains("ERROR") || l.contains("FAIL"));
            LOG.info("redis outage with {} JVMs: before 1 request; Redis killed: {} requests, all answered ({} ms), again {}; "
                    + "Redis back: 1 request ({} ms); {} warnings in all", JVMS, JVMS, outage, JVMS, rejoin, JVMS);
        }
    }
}
