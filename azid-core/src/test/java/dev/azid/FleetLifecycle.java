package dev.azid;

import static org.assertj.core.api.Assertions.assertThat;

import dev.azid.emulator.EntraEmulator;
import dev.azid.emulator.RecordedRequest;
import java.util.List;

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
    }

    private FleetLifecycle() {
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
