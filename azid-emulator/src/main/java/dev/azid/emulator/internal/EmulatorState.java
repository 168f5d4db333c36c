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
 * @param sessions codes, device codes and refresh tokens of user sign-ins
 * @param vault the Key Vault's secrets
 */
public record EmulatorState(EmulatorConfig config, Pki pki, Tokens tokens, Clock clock, RequestLog log, Faults faults,
        Set<String> usedAssertionIds, UserSessions sessions, KeyVaultSecrets vault) {

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
                ConcurrentHashMap.newKeySet(), new UserSessions(), new KeyVaultSecrets());
    }

    /**
     * The tenant of a user flow: {@code common}, {@code organizations} and {@code consumers} mean the
     * first tenant; otherwise the tenant with that id or domain.
     *
     * @param segment the tenant path segment
     * @return the tenant
     * @throws Problem AADSTS90002 if there is none
     */
    public dev.azid.emulator.EmulatorConfig.Tenant userTenant(String segment) {
        String s = segment.toLowerCase(java.util.Locale.ROOT);
        if ((s.equals("common") || s.equals("organizations") || s.equals("consumers") || s.equals("adfs"))
                && !config.tenants().isEmpty()) {
            return config.tenants().get(0);
        }
        return config.tenant(segment).orElseThrow(() -> new Problem(400, "invalid_request", 90002, "Tenant '" + segment
                + "' not found. Check to make sure you have the correct tenant ID and are signing into the correct cloud."));
    }

    /**
     * Whether an application may be used in a tenant: registered there, or multi-tenant anywhere.
     *
     * @param tenant the tenant
     * @param clientId the client id
     * @return whether it is known
     */
    public boolean knowsClient(dev.azid.emulator.EmulatorConfig.Tenant tenant, String clientId) {
        return config.tenants().stream().anyMatch(t -> t.applications().stream().anyMatch(a ->
                a.clientId().equalsIgnoreCase(clientId) && (t == tenant || a.multiTenant())));
    }
}
