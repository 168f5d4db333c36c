package dev.azid.emulator.internal;

import dev.azid.emulator.EmulatorConfig;
import dev.azid.emulator.Faults;
import dev.azid.emulator.RequestLog;
import java.time.Clock;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Everything the handlers share.
 *
 * @param config the directory
 * @param pki the keys
 * @param tokens the token signer
 * @param clock the emulator's clock
 * @param log the request log
 * @param faults the fault rules
 * @param usedAssertionIds {@code jti}s of client assertions already accepted (replay check)
 */
public record EmulatorState(EmulatorConfig config, Pki pki, Tokens tokens, Clock clock, RequestLog log, Faults faults,
        Set<String> usedAssertionIds) {

    /**
     * Creates the state.
     *
     * @param config the directory
     * @param pki the keys
     * @param clock the clock
     * @return the state
     */
    public static EmulatorState create(EmulatorConfig config, Pki pki, Clock clock) {
        return new EmulatorState(config, pki, new Tokens(pki), clock, new RequestLog(), new Faults(),
                ConcurrentHashMap.newKeySet());
    }
}
