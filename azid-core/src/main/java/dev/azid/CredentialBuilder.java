package dev.azid;

import java.util.Objects;

/**
 * The one setting every credential's builder has, written once: the {@link CredentialOptions}.
 * The Entra ID credentials' builders reach it through {@link EntraCredentialBuilder}, the
 * developer tools' and {@link DefaultAzureCredential}'s through {@link DeveloperToolBuilder};
 * {@link EnvironmentCredential} and {@link ManagedIdentityCredential} extend it directly.
 * Package-private, so users see one flat {@code Builder} per credential.
 *
 * @param <B> the credential's builder, returned by every setter for chaining
 */
abstract class CredentialBuilder<B extends CredentialBuilder<B>> {

    /** The shared options; never {@code null}. */
    CredentialOptions options = CredentialOptions.defaults();

    CredentialBuilder() {
    }

    /**
     * Sets what this credential shares with every credential (default
     * {@link CredentialOptions#defaults()}): the authority host or cloud, the HTTP transport and how
     * calls are retried, the executor, where environment variables (and {@code PATH}) are read, and
     * the additionally allowed tenants. Each credential uses those that apply to it; settings made
     * here win over the corresponding environment variables, such as {@code AZURE_AUTHORITY_HOST}.
     * A chain such as {@link DefaultAzureCredential} hands the same value to each of its credentials.
     *
     * @param options the options
     * @return this builder
     */
    public final B options(CredentialOptions options) {
        this.options = Objects.requireNonNull(options, "options");
        return self();
    }

    @SuppressWarnings("unchecked")
    final B self() {
        // Sound: every subclass is declared as `Builder extends <base><Builder>`.
        return (B) this;
    }
}
