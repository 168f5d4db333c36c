package dev.azid.emulator.internal;

import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;

/** One emulator's Key Vault: secrets by lower-cased name (versions oldest first) and the claims challenge switch. */
public final class KeyVaultSecrets {
    final ConcurrentHashMap<String, List<KeyVaultHandler.Version>> secrets = new ConcurrentHashMap<>();
    final AtomicBoolean claimsChallenge = new AtomicBoolean();
}
