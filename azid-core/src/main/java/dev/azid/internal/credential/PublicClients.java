package dev.azid.internal.credential;

import dev.azid.AuthenticationRecord;
import dev.azid.TokenCachePersistenceOptions;
import dev.azid.internal.oauth2.Authority;
import dev.azid.internal.oauth2.Tenants;
import dev.azid.internal.oauth2.TokenEndpointClient;
import dev.azid.internal.signin.SessionPolicy;
import dev.azid.internal.signin.UserSignIn;
import dev.azid.internal.signin.UserTokenClient;
import dev.azid.internal.redact.Redactor;
import java.time.Duration;
import java.util.function.Function;

/**
 * What the interactive user credentials (browser, device code) share when they are built: the
 * checks of their settings and the assembly of their {@link UserTokenClient}.
 */
public final class PublicClients {

    private PublicClients() {
    }

    /**
     * Checks the settings and builds the client.
     *
     * @param name the credential's name, for messages
     * @param settings the shared settings
     * @param variables whether the credential falls back on {@code AZURE_ADDITIONALLY_ALLOWED_TENANTS}
     * @param tenantId the tenant
     * @param clientId the public client
     * @param timeout how long a sign-in may take
     * @param signIn makes the interactive sign-in from the token endpoint client
     * @param persistence the persistent cache options, or {@code null}
     * @param record the account to sign in silently as, or {@code null}
     * @param automatic whether {@code getToken} may sign in interactively
     * @return the client
     * @throws IllegalArgumentException if a setting is invalid
     */
    public static UserTokenClient client(String name, CredentialSettings settings, CredentialSettings.Variables variables, String tenantId, String clientId,
            Duration timeout, Function<TokenEndpointClient, UserSignIn> signIn, TokenCachePersistenceOptions persistence,
            AuthenticationRecord record, boolean automatic) {
        Tenants.validate(tenantId, name + ": tenantId");
        if (clientId == null || clientId.isBlank()) {
            throw new IllegalArgumentException(name + ": clientId is blank. Leave it unset or give a public client's id.");
        }
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException(name + ": timeout must be positive.");
        }
        Authority authority = settings.authority(name, tenantId);
        // A public client holds no secret of its own; what it sends and receives is masked per request.
        TokenEndpointClient endpoint = settings.pipelines().tokenEndpoint(name, Redactor.SHAPES);
        return new UserTokenClient(name, authority, clientId.trim(),
                settings.tenantPolicy(name, variables), endpoint, settings.caches().newCache(name), signIn.apply(endpoint), null,
                SessionPolicy.of(persistence, record, automatic).sharedThrough(settings.caches().sharedLevel(name)),
                settings.clock());
    }
}
