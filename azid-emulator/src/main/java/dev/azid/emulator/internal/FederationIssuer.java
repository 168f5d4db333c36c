package dev.azid.emulator.internal;

import dev.azid.emulator.EmulatorConfig;
import java.time.Clock;
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
     * @param tokens the emulator's signer
     * @param clock the emulator's clock
     * @param subject the {@code sub}
     * @param audience the {@code aud}
     * @param lifetimeSeconds how long it is valid
     * @return the token
     */
    public static String token(Tokens tokens, Clock clock, String subject, String audience, long lifetimeSeconds) {
        long now = clock.instant().getEpochSecond();
        Map<String, Object> claims = new LinkedHashMap<>();
        claims.put("aud", List.of(audience));
        claims.put("iss", EmulatorConfig.FEDERATION_ISSUER);
        claims.put("sub", subject);
        claims.put("iat", now);
        claims.put("nbf", now);
        claims.put("exp", now + lifetimeSeconds);
        return tokens.sign(claims, false);
    }
}
