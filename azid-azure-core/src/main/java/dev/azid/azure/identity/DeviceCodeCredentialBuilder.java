package dev.azid.azure.identity;

import java.util.Objects;
import java.util.function.Consumer;

/**
 * Builds a {@link DeviceCodeCredential}, with the methods of
 * {@code com.azure.identity.DeviceCodeCredentialBuilder}. Defaults: the Azure CLI's public client id,
 * the {@code organizations} tenant, and a challenge consumer that prints Entra ID's message to
 * standard error. Not thread-safe.
 */
public final class DeviceCodeCredentialBuilder extends UserSignInCompatBuilder<DeviceCodeCredentialBuilder> {

    private Consumer<DeviceCodeInfo> challengeConsumer;

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
     * Builds the credential. Performs no I/O.
     *
     * @return the credential
     * @throws IllegalArgumentException naming an invalid setting
     */
    public DeviceCodeCredential build() {
        dev.azid.DeviceCodeCredential.Builder b = dev.azid.DeviceCodeCredential.builder().options(options());
        applyTo(b::tenantId, b::clientId, b::tokenCachePersistenceOptions);
        applyTo(b::authenticationRecord, b::disableAutomaticAuthentication);
        Consumer<DeviceCodeInfo> consumer = challengeConsumer;
        if (consumer != null) {
            b.challengeConsumer(info -> consumer.accept(DeviceCodeInfo.of(info)));
        }
        return new DeviceCodeCredential(b.build());
    }
}
