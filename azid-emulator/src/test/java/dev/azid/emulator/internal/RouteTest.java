package dev.azid.emulator.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.azid.emulator.Call;
import dev.azid.emulator.Reply;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The route table's path templates match what the old if-chain matched. */
class RouteTest {

    private static final Route.Handler NONE = (c, p) -> Reply.json(200, Map.of());

    private static Optional<Map<String, String>> match(String template, String path) {
        return Route.any(template, NONE).match(new Call("GET", path, Map.of(), Map.of(), Map.of(), new byte[0], "",
                "https://127.0.0.1:1", true), path);
    }

    @Test
    void parameter_matchesOneSegment_trailingSlashOnlyWhenAllowed() {
        assertThat(match("/{tenant}/oauth2/v2.0/token/?", "/common/oauth2/v2.0/token")).hasValue(Map.of("tenant", "common"));
        assertThat(match("/{tenant}/oauth2/v2.0/token/?", "/common/oauth2/v2.0/token/")).isPresent();
        assertThat(match("/{tenant}/oauth2/v2.0/token/?", "/a/b/oauth2/v2.0/token")).isEmpty();
        assertThat(match("/msi/token", "/msi/token/")).isEmpty();
        assertThat(match("/msi/token", "/msi/tokens")).isEmpty();
    }

    @Test
    void doubleStar_matchesAnyFurtherSegmentsOrNone() {
        assertThat(match("/{tenant}/discovery/**/keys/?", "/common/discovery/keys")).isPresent();
        assertThat(match("/{tenant}/discovery/**/keys/?", "/t/discovery/v2.0/keys")).isPresent();
        assertThat(match("/{tenant}/discovery/**/keys/?", "/t/discovery/instance")).isEmpty();
        assertThat(match("/secrets/**", "/secrets")).isPresent();
        assertThat(match("/secrets/**", "/secrets/a/b")).isPresent();
        assertThat(match("/secrets/**", "/secretsX")).isEmpty();
    }

    @Test
    void starSuffix_matchesThePrefix() {
        assertThat(match("/subscriptions*", "/subscriptions/abc/resourceGroups")).isPresent();
        assertThat(match("/subscriptions*", "/subscriptionsX")).isPresent();
        assertThat(match("/subscriptions*", "/subscription")).isEmpty();
    }
}
