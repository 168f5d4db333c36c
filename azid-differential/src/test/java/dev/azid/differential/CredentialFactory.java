package dev.azid.differential;

import com.azure.core.credential.TokenCredential;

/**
 * Builds a probe's credential for one side. Both sides are programmed against azure-core's
 * {@link TokenCredential}: {@link ReferenceFactory} with {@code com.azure.identity}'s builders and
 * {@link AzidFactory} with azid's compatibility builders, the same code with other imports.
 */
interface CredentialFactory {

    /**
     * Builds the credential, as a user of that library would.
     *
     * @param probe the probe
     * @return the credential
     */
    TokenCredential build(Probe probe);

    /**
     * The factory of a side.
     *
     * @param side {@code reference} or {@code azid}
     * @return its factory
     */
    static CredentialFactory forSide(String side) {
        return switch (side) {
            case "reference" -> new ReferenceFactory();
            case "azid" -> new AzidFactory();
            default -> throw new IllegalArgumentException("unknown side " + side);
        };
    }
}
