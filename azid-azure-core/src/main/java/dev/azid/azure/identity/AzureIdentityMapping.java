package dev.azid.azure.identity;

import com.azure.core.credential.TokenRequestContext;
import com.azure.core.exception.ClientAuthenticationException;
import dev.azid.CredentialException;
import java.util.ArrayList;
import java.util.function.Supplier;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/** Maps between azid's exception and request types and azure-identity's. */
final class AzureIdentityMapping {

    private AzureIdentityMapping() {
    }

    /**
     * The azure-identity form of an {@code AzureCoreCredential} failure, whose cause is azid's exception.
     *
     * @param e the failure
     * @return the exception to throw
     */
    static ClientAuthenticationException translate(ClientAuthenticationException e) {
        Throwable cause = e.getCause();
        if (cause instanceof dev.azid.AuthenticationRequiredException required) {
            return new AuthenticationRequiredException(required.getMessage(), toAzureCore(required.request()), required);
        }
        if (cause instanceof dev.azid.CredentialUnavailableException unavailable) {
            return new CredentialUnavailableException(unavailable.getMessage(), unavailable);
        }
        return e;
    }

    /**
     * The form of an azid exception that {@link AuthenticationUtil}'s supplier throws.
     *
     * @param e azid's exception
     * @return the exception to throw
     */
    static ClientAuthenticationException translate(dev.azid.CredentialException e) {
        return translate(new ClientAuthenticationException(e.getMessage(), null, e));
    }

    /**
     * An azid request as azure-core's.
     *
     * @param r the request, or {@code null}
     * @return the request, or {@code null}
     */
    static TokenRequestContext toAzureCore(dev.azid.TokenRequestContext r) {
        if (r == null) {
            return null;
        }
        return new TokenRequestContext().setScopes(new ArrayList<>(r.scopes())).setTenantId(r.tenantId())
                .setClaims(r.claims()).setCaeEnabled(r.enableCae());
    }

    /**
     * An azure-core request as azid's.
     *
     * @param r the request
     * @return the request
     */
    static dev.azid.TokenRequestContext toAzid(TokenRequestContext r) {
        return new dev.azid.TokenRequestContext(r.getScopes(), r.getTenantId(), r.getClaims(), r.isCaeEnabled());
    }

    /**
     * Runs a user credential's interactive sign-in when subscribed, on Reactor's scheduler for
     * blocking work.
     *
     * @param signIn the sign-in
     * @return the record of who signed in
     */
    static Mono<AuthenticationRecord> authenticate(Supplier<dev.azid.AuthenticationRecord> signIn) {
        return Mono.fromCallable(() -> new AuthenticationRecord(signIn.get())).subscribeOn(Schedulers.boundedElastic())
                .onErrorMap(CredentialException.class, AzureIdentityMapping::translate);
    }
}
