package dev.azid.emulator.internal;

import dev.azid.emulator.EmulatorConfig;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The emulator's external OIDC issuer: tokens for workload identity files and CI token endpoints. */
public final class FederationIssuer {

    private FederationIssuer() {
    }

    /**
     * Signs a federated token from {@link EmulatorConfig#FEDERATION_ISSUER}.
     *
     * @param state the emulator's state (key and clock)
     * @param subject the {@code sub}
     * @param audience the {@code aud}
     * @param lifetimeSeconds how long it is valid
     * @return the token
     */
    public static String token(EmulatorState state, String subject, String audience, long lifetimeSeconds) {
        long now = state.clock().instant().getEpochSecond();
        Map<String, Object> claims = new LinkedHashMap<>();
        claims.put("aud", List.of(audience));
        claims.put("iss", EmulatorConfig.FEDERATION_ISSUER);
        claims.put("sub", subject);
        claims.put("iat", now);
        claims.put("nbf", now);
        claims.put("exp", now + lifetimeSeconds);
        return state.tokens().sign(claims, false);
    }
}
