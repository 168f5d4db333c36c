package dev.azid.test;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/** A test clock defined by its {@link #millis()} alone, in UTC, ignoring a change of zone. */
public abstract class UtcMillisClock extends Clock {

    /** For subclasses. */
    protected UtcMillisClock() {
    }

    @Override
    public Instant instant() {
        return Instant.ofEpochMilli(millis());
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return this;
    }
}
