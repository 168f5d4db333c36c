package dev.azid.azure.identity;

import java.util.Objects;
import java.util.function.Consumer;

/**
 * Builds a {@link DeviceCodeCredential}, with the methods of
 * {@code com.azure.identity.DeviceCodeCredentialBuilder}. Defaults: the Azure CLI's public client id,
 * the {@code organizations} tenant, and a challenge consumer that prints Entra ID's message to
 * standard error. Not thread-safe.
 */
public final class DeviceCodeCredentialBuilder extends EntraCompatBuilder<DeviceCodeCredentialBuilder> {

    private Consumer<DeviceCodeInfo> challengeConsumer;
    private TokenCachePersistenceOptions persistence;
    private AuthenticationRecord record;
    private boolean automatic = true;

    /** Creates a builder with every default. */
    public DeviceCodeCredentialBuilder() {
    }

    /**
     * Sets what shows the user the code and the page to enter it on.
     *
     * @param challengeConsumer receives the code, page and message; its device code is {@code null}
     * @return this builder
     */
    public DeviceCodeCredentialBuilder challengeConsumer(Consumer<DeviceCodeInfo> challengeConsumer) {
        this.challengeConsumer = Objects.requireNonNull(challengeConsumer, "challengeConsumer");
        return this;
    }

    /**
     * Keeps the user's tokens in a persistent cache, shared between processes.
     *
     * @param tokenCachePersistenceOptions the cache
     * @return this builder
     */
    public DeviceCodeCredentialBuilder tokenCachePersistenceOptions(TokenCachePersistenceOptions tokenCachePersistenceOptions) {
        this.persistence = Objects.requireNonNull(tokenCachePersistenceOptions, "tokenCachePersistenceOptions");
        return this;
    }

    /**
     * Signs in silently as the recorded account, from the persistent cache.
     *
     * @param authenticationRecord the record from an earlier {@code authenticate()}
     * @return this builder
     */
    public DeviceCodeCredentialBuilder authenticationRecord(AuthenticationRecord authenticationRecord) {
        this.record = Objects.requireNonNull(authenticationRecord, "authenticationRecord");
        return this;
    }

    /**
     * Makes {@code getToken} fail with {@link AuthenticationRequiredException} instead of starting a
     * sign-in; the application calls {@code authenticate()} when it chooses.
     *
     * @return this builder
     */
    public DeviceCodeCredentialBuilder disableAutomaticAuthentication() {
        this.automatic = false;
        return this;
    }

    /**
     * Builds the credential. Performs no I/O.
     *
     * @return the credential
     * @throws IllegalArgumentException naming an invalid setting
     */
    public DeviceCodeCredential build() {
        dev.azid.DeviceCodeCredential.Builder b = dev.azid.DeviceCodeCredential.builder().options(options());
        if (tenantId != null) {
            b.tenantId(tenantId);
        }
        if (clientId != null) {
            b.clientId(clientId);
        }
        Consumer<DeviceCodeInfo> consumer = challengeConsumer;
        if (consumer != null) {
            b.challengeConsumer(info -> consumer.accept(DeviceCodeInfo.of(info)));
        }
        if (persistence != null) {
            b.tokenCachePersistenceOptions(persistence.azid(environment()));
        }
        if (record != null) {
            b.authenticationRecord(record.azid());
        }
        if (!automatic) {
            b.disableAutomaticAuthentication();
        }
        return new DeviceCodeCredential(b.build(), defaultScope());
    }
}
