package dev.azid.internal.http;

import dev.azid.http.HttpResponse;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/**
 * Reads how long a server asks a client to wait: {@code retry-after-ms} and
 * {@code x-ms-retry-after-ms} (milliseconds, Azure), then {@code Retry-After} as seconds (RFC 9110
 * allows only integers; decimals are accepted) or as an HTTP-date.
 */
final class RetryAfter {

    private RetryAfter() {
    }

    static Optional<Duration> parse(HttpResponse response, Clock clock) {
        for (String msHeader : new String[] {"retry-after-ms", "x-ms-retry-after-ms"}) {
            Optional<Duration> ms = response.header(msHeader).flatMap(v -> number(v, 1_000));
            if (ms.isPresent()) {
                return ms;
            }
        }
        return response.header("Retry-After").flatMap(v -> {
            Optional<Duration> seconds = number(v, 1);
            return seconds.isPresent() ? seconds : date(v, clock);
        });
    }

    /** A non-negative decimal number of units, where {@code perSecond} units make a second. */
    private static Optional<Duration> number(String value, int perSecond) {
        String v = value.trim();
        if (!v.matches("\\d{1,12}(\\.\\d{1,9})?")) {
            return Optional.empty();
        }
        BigDecimal millis = new BigDecimal(v).multiply(BigDecimal.valueOf(1000)).divide(BigDecimal.valueOf(perSecond));
        return Optional.of(Duration.ofMillis(millis.longValue()));
    }

    private static Optional<Duration> date(String value, Clock clock) {
        try {
            ZonedDateTime at = ZonedDateTime.parse(value.trim(), DateTimeFormatter.RFC_1123_DATE_TIME);
            long millis = at.toInstant().toEpochMilli() - clock.millis();
            return Optional.of(Duration.ofMillis(Math.max(0, millis)));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }
}
