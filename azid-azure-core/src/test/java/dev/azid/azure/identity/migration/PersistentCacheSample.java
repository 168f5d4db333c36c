package dev.azid.azure.identity.migration;

import com.azure.core.credential.AccessToken;
import com.azure.core.credential.TokenRequestContext;
import dev.azid.azure.identity.AuthenticationRecord;
import dev.azid.azure.identity.DeviceCodeCredential;
import dev.azid.azure.identity.DeviceCodeCredentialBuilder;
import dev.azid.azure.identity.TokenCachePersistenceOptions;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;

/**
 * "Persist the user's sign-in": authenticate once with a persistent cache, save the record, and let
 * a later run (a new credential) sign in silently.
 */
public final class PersistentCacheSample {

    private PersistentCacheSample() {
    }

    /**
     * Runs the first and the second "process".
     *
     * @param sandbox the surroundings; its configuration says where the cache lives
     * @return the second run's token
     */
    public static AccessToken run(Sandbox sandbox) {
        TokenCachePersistenceOptions cache = new TokenCachePersistenceOptions()
                .setName("migration-sample-cache")
                .setUnencryptedStorageAllowed(true);
        DeviceCodeCredential first = builder(sandbox, cache).build();
        // authenticate() alone would pick the resource manager of a known cloud; the emulator is none.
        AuthenticationRecord record = first.authenticate(
                new TokenRequestContext().addScopes("https://graph.microsoft.com/User.Read")).block();
        ByteArrayOutputStream saved = new ByteArrayOutputStream();
        record.serialize(saved);

        AuthenticationRecord restored = AuthenticationRecord.deserialize(new ByteArrayInputStream(saved.toByteArray()));
        DeviceCodeCredential second = builder(sandbox, cache)
                .authenticationRecord(restored)
                .disableAutomaticAuthentication()
                .challengeConsumer(challenge -> {
                    throw new IllegalStateException("the second run must not ask the user");
                })
                .build();
        return second.getTokenSync(new TokenRequestContext().addScopes("https://graph.microsoft.com/User.Read"));
    }

    private static DeviceCodeCredentialBuilder builder(Sandbox sandbox, TokenCachePersistenceOptions cache) {
        return new DeviceCodeCredentialBuilder()
                .tenantId(sandbox.tenantId())
                .clientId(sandbox.clientId())
                .tokenCachePersistenceOptions(cache)
                .challengeConsumer(challenge -> sandbox.user().enter(challenge.getVerificationUrl(), challenge.getUserCode()))
                .configuration(sandbox.configuration())
                .authorityHost(sandbox.authorityHost())
                .httpClient(sandbox.httpClient());
    }
}
