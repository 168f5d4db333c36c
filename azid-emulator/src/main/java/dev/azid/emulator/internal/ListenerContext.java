package dev.azid.emulator.internal;

import dev.azid.emulator.Dispatcher;
import dev.azid.emulator.Faults;
import dev.azid.emulator.RequestLog;
import java.time.Clock;

/**
 * What every listener of one emulator serves with, whichever port or host a request came in on:
 * the same dispatcher, fault rules, request log and clock.
 *
 * @param dispatcher answers the requests
 * @param faults the fault rules
 * @param log the request log
 * @param clock stamps log entries and error bodies
 */
public record ListenerContext(Dispatcher dispatcher, Faults faults, RequestLog log, Clock clock) {
}
