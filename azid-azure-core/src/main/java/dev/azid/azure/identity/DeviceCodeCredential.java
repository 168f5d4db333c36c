package dev.azid.azure.identity;

/**
 * Signs a user in with a code entered on another device. An azure-core {@code TokenCredential} with the name and behaviour of
 * {@code com.azure.identity.DeviceCodeCredential}, backed by {@code dev.azid.DeviceCodeCredential}. Built by
 * {@link DeviceCodeCredentialBuilder}. Thread-safe.
 */
public final class DeviceCodeCredential extends UserCredential {

    DeviceCodeCredential(dev.azid.DeviceCodeCredential credential) {
        super(credential, credential::authenticate, credential::authenticate);
    }
}
