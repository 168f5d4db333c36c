package dev.azid.emulator.internal;

/** Constants of the emulator's managed-identity endpoints that its public API exposes. */
public final class ManagedIdentityEndpoints {

    /** The {@code X-IDENTITY-HEADER} / {@code secret} value the endpoints expect: a test fixture, not a secret. */
    public static final String IDENTITY_HEADER = "azid-emulator-identity-header";

    private ManagedIdentityEndpoints() {
    }
}
