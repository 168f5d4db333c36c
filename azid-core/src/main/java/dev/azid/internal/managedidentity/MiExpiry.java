package dev.azid.internal.managedidentity;

import dev.azid.internal.cache.TokenExpiry;
import dev.azid.internal.json.JsonObject;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the {@code expires_on} of a managed-identity answer in the forms the real endpoints send,
 * and refuses every other form:
 * <ul>
 *   <li>epoch seconds, as a JSON integer or a string of digits (IMDS, App Service 2019-08-01, Arc,
 *       Cloud Shell, Service Fabric);</li>
 *   <li>the legacy App Service (2017-09-01, Windows) date, US style with an offset: month, day and
 *       hour of one or two digits, a 12-hour clock with {@code AM}/{@code PM}
 *       ({@code 11/24/2026 2:30:00 PM +00:00}; hour 0 and 12 both accepted, as both conventions
 *       occur) or a 24-hour clock ({@code 11/24/2026 14:30:00 +00:00}).</li>
 * </ul>
 * The result is checked with {@link TokenExpiry}: after now, within its bound.
 */
final class MiExpiry {

    private static final Pattern DATE = Pattern.compile(
            "(\\d{1,2})/(\\d{1,2})/(\\d{4}) (\\d{1,2}):(\\d{2}):(\\d{2})(?: ([AaPp][Mm]))? ([+-]\\d{2}:\\d{2}|Z)");

    private MiExpiry() {
    }

    /**
     * Reads {@code expires_on}.
     *
     * @param json the answer
     * @param now when it arrived
     * @return the expiry, or empty when the field is absent
     * @throws IllegalStateException naming the field when it is malformed, past or too far away
     */
    static Optional<Instant> expiresOn(JsonObject json, Instant now) {
        Object raw = json.asMap().get("expires_on");
        if (raw instanceof String text && !text.isBlank() && !text.trim().matches("[+-]?\\d+")) {
            return Optional.of(TokenExpiry.instant("expires_on", date(text.trim()), now));
        }
        OptionalLong seconds;
        try {
            seconds = TokenExpiry.seconds(json, "expires_on");
        } catch (IllegalStateException e) {
            throw new IllegalStateException("expires_on is neither epoch seconds nor a date like 11/24/2026 2:30:00 PM +00:00");
        }
        return seconds.isEmpty() ? Optional.empty() : Optional.of(TokenExpiry.epoch("expires_on", seconds.getAsLong(), now));
    }

    private static Instant date(String text) {
        Matcher m = DATE.matcher(text);
        if (!m.matches()) {
            throw new IllegalStateException("expires_on is neither epoch seconds nor a date like 11/24/2026 2:30:00 PM +00:00");
        }
        int hour = Integer.parseInt(m.group(4));
        String half = m.group(7);
        if (half != null) {
            if (hour > 12) {
                throw new IllegalStateException("expires_on has an hour above 12 with AM/PM");
            }
            hour = hour % 12 + (half.toUpperCase(Locale.ROOT).equals("PM") ? 12 : 0);
        }
        try {
            LocalDateTime local = LocalDateTime.of(Integer.parseInt(m.group(3)), Integer.parseInt(m.group(1)),
                    Integer.parseInt(m.group(2)), hour, Integer.parseInt(m.group(5)), Integer.parseInt(m.group(6)));
            return local.toInstant(ZoneOffset.of(m.group(8)));
        } catch (DateTimeException e) {
            throw new IllegalStateException("expires_on is not a valid date and time");
        }
    }
}
