package dev.azid.redis.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Store keys as Redis names: which keys are accepted, and the names made from them. */
class RedisNamesTest {

    private final RedisNames names = new RedisNames("app[1]:");

    @Test
    void check_azidKeysAndTheAllowedCharacters_accepted() {
        String hex = "0123456789abcdef".repeat(4);

        assertThat(RedisNames.check(hex)).isEqualTo(hex);
        assertThat(RedisNames.check("AZaz09_.-")).isEqualTo("AZaz09_.-");
        assertThat(RedisNames.check("k".repeat(128))).hasSize(128);
    }

    @Test
    void check_anythingThatCouldRunIntoAnotherName_refused() {
        for (String bad : new String[] {null, "", "k".repeat(129), "a:lease", "a*", "a?", "a[b]", "a b", "a\nb", "é", "a/b",
            "a\\b", "\u0000"}) {
            assertThatThrownBy(() -> RedisNames.check(bad)).as(String.valueOf(bad)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("1 to 128 letters, digits");
        }
    }

    @Test
    void value_prefixThenKey_asBytes() {
        assertThat(new String(names.value("abc-1"), StandardCharsets.UTF_8)).isEqualTo("app[1]:abc-1");
        assertThat(names.lease("abc-1")).isEqualTo("app[1]:abc-1:lease");
        assertThat(names.channel("abc-1")).isEqualTo("app[1]:abc-1:changed");
        assertThat(names.channelPattern()).isEqualTo("app\\[1\\]:*:changed");
        assertThat(names.keyOfChannel("app[1]:abc-1:changed")).isEqualTo("abc-1");
    }
}
