package dev.azid.internal.redact;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Hostile inputs of 1 MiB (the size of the largest answers azid quotes is capped at 4 MiB) that
 * would make a backtracking matcher or a rescanning loop quadratic or worse. Each must finish well
 * within a bound that a linear pass meets easily and a quadratic one (10^12 steps) never could.
 */
class RedactorLinearTimeTest {

    private static final int SIZE = 1 << 20;
    /** A linear pass takes well under a second here; the margin is for a loaded machine. */
    private static final Duration BOUND = Duration.ofSeconds(10);

    static Stream<Arguments> hostile() {
        return Stream.of(
                text("letters", "a"),
                text("JWT prefixes without dots", "eyJ"),
                text("JWT first segments only", "eyJabcd."),
                text("JWT almost", "eyJabcd.eyJabcd"),
                text("keys without values", "password="),
                text("keys and spaces", "token "),
                text("chained secret keys", "pwd = "),
                text("values that are names", "code: --password "),
                text("values that are single names", "pwd: a "),
                text("keys then colons", "secret::"),
                text("unterminated quotes", "password=\""),
                text("escaped quotes", "password=\\\"\\\\"),
                text("nested brackets", "password=["),
                text("encoded quotes", "token%3D%22"),
                text("encoded keys", "%22token%22%3A"),
                text("schemes", "Bearer "),
                text("scheme parameters", "Basic realm=Basic "),
                text("options", "--password "),
                text("PEM begin lines", "-----BEGIN "),
                text("PEM private keys without end", "-----BEGIN PRIVATE KEY-----x"),
                text("XML", "<password>"),
                text("percent signs", "%"),
                text("newlines", "\r\n"),
                Arguments.of("a long key name", (Supplier<String>) () -> "k".repeat(SIZE) + "token=x"),
                Arguments.of("a long run of spaces", (Supplier<String>) () -> "token" + " ".repeat(SIZE) + "x"));
    }

    private static Arguments text(String name, String unit) {
        return Arguments.of(name, (Supplier<String>) () -> unit.repeat(SIZE / unit.length() + 1));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("hostile")
    void redact_hostileInputOf1MiB_finishesInLinearTime(String name, Supplier<String> input) {
        String text = input.get();
        Redactor redactor = Redactor.withSecrets("a".repeat(999) + "b", "eyJ".repeat(300) + "x", "password=" + "\"".repeat(100));
        long start = System.nanoTime();
        String out = redactor.redact(text);
        String excerpt = Excerpt.shorten(out);
        Duration took = Duration.ofNanos(System.nanoTime() - start);
        assertThat(took).as(name).isLessThan(BOUND);
        assertThat(out.length()).isLessThanOrEqualTo(text.length() * 4);
        assertThat(excerpt.length()).isLessThanOrEqualTo(604);
    }
}
