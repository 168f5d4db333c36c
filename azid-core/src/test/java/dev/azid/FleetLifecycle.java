package dev.azid;

import static org.assertj.core.api.Assertions.assertThat;

import dev.azid.emulator.EmulatorConfig;
import dev.azid.emulator.EntraEmulator;
import dev.azid.emulator.RecordedRequest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;
import org.slf4j.Logger;

/**
 * The life of a fleet's tokens, asserted at the emulator for any shared store: a cold start for
 * two scopes, a proactive refresh and an expiry, each costing the whole fleet exactly one token
 * request per scope. The children must use 60-second tokens.
 */
final class FleetLifecycle {

    static final String ARM = "https://management.azure.com/.default";
    static final String GRAPH = "https://graph.microsoft.com/.default";

    /** How long each phase took for the whole fleet, in milliseconds. */
    record Phases(long coldMillis, long refreshMillis, long expiryMillis) {

        /**
         * Logs the phases' times.
         *
         * @param log where
         * @param name what the fleet shares, e.g. {@code "redis fleet"}
         * @param jvms how many JVMs
         * @param startMillis how long the fleet took to start
         */
        void log(Logger log, String name, int jvms, long startMillis) {
            log.info("{} of {} JVMs (started in {} ms): cold start {} ms for 2 scopes, refresh {} ms, expiry {} ms; "
                    + "token requests: 2, 1, 1", name, jvms, startMillis, coldMillis, refreshMillis, expiryMillis);
        }
    }

    private FleetLifecycle() {
    }

    /** @return the emulator's defaults with the 60-second tokens the children need */
    static EmulatorConfig sixtySecondTokens() {
        return EmulatorConfig.defaults().toBuilder().tokenLifetimeSeconds(60).build();
    }

    /** @return a fresh random 32-byte key for the shared store's seal, in Base64, as the children take it */
    static String sealKey() {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        return Base64.getEncoder().encodeToString(key);
    }

    static List<RecordedRequest> tokenRequests(EntraEmulator e, String scope) {
        return e.requestLog().matching("/oauth2/v2.0/token$").stream().filter(r -> scope.equals(r.form().get("scope")))
                .toList();
    }

    static Phases coldRefreshExpiry(Fleet fleet, EntraEmulator e) throws Exception {
        e.requestLog().clear();
        long cold = fleet.sendAll("TOKEN " + ARM + " " + GRAPH);
        assertThat(tokenRequests(e, ARM)).as("cold start, ARM").hasSize(1);
        assertThat(tokenRequests(e, GRAPH)).as("cold start, Graph").hasSize(1);
        String firstArm = fleet.onlyToken(ARM);
        fleet.onlyToken(GRAPH);

        e.requestLog().clear();
        fleet.sendAll("ADVANCE 40");
        long refresh = fleet.sendAll("REFRESHED " + ARM);
        assertThat(tokenRequests(e, ARM)).as("one proactive refresh for the fleet").hasSize(1);
        String refreshed = fleet.onlyToken(ARM);
        assertThat(refreshed).isNotEqualTo(firstArm);

        e.requestLog().clear();
        fleet.sendAll("ADVANCE 60");
        long expiry = fleet.sendAll("TOKEN " + ARM);
        assertThat(tokenRequests(e, ARM)).as("one request after expiry for the fleet").hasSize(1);
        assertThat(fleet.onlyToken(ARM)).isNotEqualTo(refreshed);
        assertThat(e.requestLog().count("/oauth2/v2.0/token$")).isEqualTo(1);
        assertThat(fleet.diagnostics()).noneMatch(l -> l.contains("WARN") || l.contains("FAIL"));
        return new Phases(cold, refresh, expiry);
    }
}
