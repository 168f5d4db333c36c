/**
 * azid-emulator: a local Microsoft Entra ID, managed-identity and Azure Resource Manager emulator for
 * offline tests. The API is {@link dev.azid.emulator}; {@code dev.azid.emulator.internal} is not
 * exported and may change at any time.
 */
module dev.azid.emulator {
    requires jdk.httpserver;
    requires com.azure.json;
    requires org.bouncycastle.pkix;
    requires org.bouncycastle.provider;
    // Only @AzidEmulator and its extension need JUnit; the emulator runs without it.
    requires static org.junit.jupiter.api;

    exports dev.azid.emulator;
}
