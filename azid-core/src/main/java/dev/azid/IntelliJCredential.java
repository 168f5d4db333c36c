package dev.azid;

/**
 * The Azure Toolkit for IntelliJ's sign-in, honestly reported as unavailable.
 *
 * <p>Microsoft's own library deprecated this credential: the toolkit keeps its account in an
 * encrypted store and in the IDE's password safe, in formats that change between toolkit versions.
 * azid reads neither, so {@link #getToken} always throws {@link CredentialUnavailableException}
 * with what to do instead. It exists so that code written for azure-identity compiles and fails
 * with a useful message. In {@link DefaultAzureCredential}, where azure-identity tries it too, its line
 * in the chain's error says what to use instead.
 */
public final class IntelliJCredential implements TokenCredential {

    /** The credential's name, used in messages. */
    public static final String NAME = "IntelliJCredential";

    private IntelliJCredential() {
    }

    /**
     * Creates the credential.
     *
     * @return the credential
     */
    public static IntelliJCredential create() {
        return new IntelliJCredential();
    }

    @Override
    public AccessToken getToken(TokenRequestContext request) {
        throw new CredentialUnavailableException(NAME + ": the Azure Toolkit for IntelliJ keeps its sign-in in the IDE's "
                + "encrypted storage, which azid does not read (Microsoft's library deprecated this credential too). In "
                + "IntelliJ's terminal, sign in with the Azure CLI ('az login') and use AzureCliCredential or "
                + "DefaultAzureCredential.");
    }

    @Override
    public String toString() {
        return NAME;
    }
}
