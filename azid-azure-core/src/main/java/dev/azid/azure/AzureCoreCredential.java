package dev.azid.azure;

import com.azure.core.credential.AccessToken;
import com.azure.core.credential.TokenRequestContext;
import com.azure.core.exception.ClientAuthenticationException;
import dev.azid.CredentialException;
import dev.azid.TokenCredential;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletionException;
import reactor.core.publisher.Mono;

/**
 * Makes any azid credential a {@code com.azure.core.credential.TokenCredential}, so that every
 * Azure SDK client accepts it:
 *
 * <pre>{@code
 * BlobServiceClient blobs = new BlobServiceClientBuilder()
 *         .endpoint(url)
 *         .credential(AzureCoreCredential.of(DefaultAzureCredential.builder().build()))
 *         .buildClient();
 * }</pre>
 *
 * <p>Scopes, tenant, claims and the CAE flag are passed through. Tokens come from azid's cache, so
 * an SDK asking again causes no extra token request. azid's failures become
 * {@link ClientAuthenticationException}s with the same message, the azid exception as cause.
 * The reactive path does not block: it runs on the credential's executor. Thread-safe.
 */
public final class AzureCoreCredential implements com.azure.core.credential.TokenCredential {

    private final TokenCredential credential;

    private AzureCoreCredential(TokenCredential credential) {
        this.credential = credential;
    }

    /**
     * Adapts a credential.
     *
     * @param credential any azid credential
     * @return the Azure SDK credential
     */
    public static AzureCoreCredential of(TokenCredential credential) {
        return new AzureCoreCredential(Objects.requireNonNull(credential, "credential"));
    }

    @Override
    public Mono<AccessToken> getToken(TokenRequestContext request) {
        return Mono.defer(() -> Mono.fromFuture(credential.getTokenAsync(map(request))))
                .map(AzureCoreCredential::convert)
                .onErrorMap(AzureCoreCredential::isAzid, AzureCoreCredential::translate);
    }

    @Override
    public AccessToken getTokenSync(TokenRequestContext request) {
        try {
            return convert(credential.getToken(map(request)));
        } catch (CredentialException e) {
            throw translate(e);
        }
    }

    static dev.azid.TokenRequestContext map(TokenRequestContext request) {
        List<String> scopes = request.getScopes();
        return new dev.azid.TokenRequestContext(scopes, request.getTenantId(), request.getClaims(), request.isCaeEnabled());
    }

    static AccessToken convert(dev.azid.AccessToken token) {
        return new AccessToken(token.token(), token.expiresAt().atOffset(ZoneOffset.UTC),
                token.refreshAt().atOffset(ZoneOffset.UTC), token.tokenType());
    }

    private static boolean isAzid(Throwable t) {
        Throwable cause = t instanceof CompletionException && t.getCause() != null ? t.getCause() : t;
        return cause instanceof CredentialException;
    }

    private static ClientAuthenticationException translate(Throwable t) {
        Throwable cause = t instanceof CompletionException && t.getCause() != null ? t.getCause() : t;
        return new ClientAuthenticationException(cause.getMessage(), null, cause);
    }

    @Override
    public String toString() {
        return "AzureCoreCredential[" + credential + "]";
    }
}
