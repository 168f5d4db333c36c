package dev.azid;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;

/**
 * Visual Studio Code's Azure sign-in, honestly reported as unavailable.
 *
 * <p>The old Azure Account extension kept a refresh token in the operating system's keychain; it is
 * retired. The current Azure Resources extension keeps its account in the operating system's
 * authentication broker (WAM on Windows) and writes only a non-secret "authentication record"
 * ({@code ~/.azure/ms-azuretools.vscode-azureresourcegroups/authRecord.json}); Microsoft's libraries
 * need a native broker package to turn it into tokens. azid has no broker, so there is nothing it
 * may read: {@link #getToken} always throws {@link CredentialUnavailableException}, saying whether
 * the record was found and what to do instead (sign in with the Azure CLI or Azure Developer CLI,
 * which {@code DefaultAzureCredential} uses). It exists so that code written for azure-identity
 * compiles and fails with a useful message. In {@link DefaultAzureCredential}, where azure-identity
 * tries it too, its line in the chain's error says what to use instead.
 */
public final class VisualStudioCodeCredential implements TokenCredential {

    /** The credential's name, used in messages. */
    public static final String NAME = "VisualStudioCodeCredential";

    private final Environment environment;

    private VisualStudioCodeCredential(Environment environment) {
        this.environment = environment;
    }

    /**
     * Creates the credential, reading {@code HOME}/{@code USERPROFILE} from the given environment
     * when asked for a token.
     *
     * @param environment the environment
     * @return the credential
     */
    public static VisualStudioCodeCredential create(Environment environment) {
        return new VisualStudioCodeCredential(Objects.requireNonNull(environment, "environment"));
    }

    /**
     * Creates the credential for the process environment.
     *
     * @return the credential
     */
    public static VisualStudioCodeCredential create() {
        return create(Environment.system());
    }

    @Override
    public AccessToken getToken(TokenRequestContext request) {
        String found = environment.get("HOME").or(() -> environment.get("USERPROFILE"))
                .map(home -> Path.of(home, ".azure", "ms-azuretools.vscode-azureresourcegroups", "authRecord.json"))
                .filter(Files::isRegularFile)
                .map(p -> "Found Visual Studio Code's sign-in record at " + p + ", but the tokens behind it are held by "
                        + "the operating system's authentication broker, which azid cannot use. ")
                .orElse("Visual Studio Code's Azure sign-in is held by its own broker storage, which azid cannot read. ");
        throw new CredentialUnavailableException(NAME + ": " + found + "Sign in with the Azure CLI ('az login') or the "
                + "Azure Developer CLI ('azd auth login') and use AzureCliCredential, AzureDeveloperCliCredential or "
                + "DefaultAzureCredential.");
    }

    @Override
    public String toString() {
        return NAME;
    }
}
