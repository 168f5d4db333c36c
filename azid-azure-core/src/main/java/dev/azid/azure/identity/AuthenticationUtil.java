package dev.azid.azure.identity;

import com.azure.core.credential.TokenCredential;
import dev.azid.BearerTokenSupplier;
import dev.azid.CredentialException;
import java.util.function.Supplier;

/**
 * Tokens for HTTP clients that are not Azure SDK clients, as
 * {@code com.azure.identity.AuthenticationUtil}.
 */
public final class AuthenticationUtil {

    private AuthenticationUtil() {
    }

    /**
     * A supplier of access tokens for the scopes, without the {@code Bearer} prefix: put
     * {@code "Bearer " + supplier.get()} in an {@code Authorization} header. Each {@code get()} asks
     * the credential, so this package's credentials answer from their cache and refresh before
     * expiry; another credential is asked each time. Thread-safe.
     *
     * @param credential the credential
     * @param scopes the scopes, at least one
     * @return the supplier; its {@code get()} throws {@link CredentialUnavailableException} or
     *     {@link com.azure.core.exception.ClientAuthenticationException}
     * @throws IllegalArgumentException if no scope is given
     */
    public static Supplier<String> getBearerTokenSupplier(TokenCredential credential, String... scopes) {
        BearerTokenSupplier supplier = BearerTokenSupplier.of(ForeignCredential.of(credential), scopes);
        return () -> {
            try {
                return supplier.get();
            } catch (CredentialException e) {
                throw AzureIdentityMapping.translate(e);
            }
        };
    }
}
