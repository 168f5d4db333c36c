package dev.azid;

import dev.azid.internal.credential.CredentialSettings.Variables;
import dev.azid.internal.credential.CredentialSettings;
import dev.azid.internal.oauth2.Authority;
import dev.azid.internal.oauth2.ClientSecretAuthentication;
import dev.azid.internal.credential.ConfidentialClients;
import dev.azid.internal.oauth2.FormBody;
import dev.azid.internal.oauth2.Tenants;
import dev.azid.internal.signin.UserSignIn;
import dev.azid.internal.signin.UserTokenClient;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Redeems an authorization code that the caller's own web app received, then serves further
 * tokens with the refresh token. The code can be redeemed once: when the refresh token stops
 * working, the credential fails and the app must send the user through sign-in again. Thread-safe.
 */
public final class AuthorizationCodeCredential extends DelegatingCredential {

    /** The credential's name, used in messages and logs. */
    public static final String NAME = "AuthorizationCodeCredential";

    private AuthorizationCodeCredential(UserTokenClient client) {
        super(client.tokens());
    }

    /**
     * Starts a builder.
     *
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Builds an {@link AuthorizationCodeCredential}. Not thread-safe. {@code tenantId} and {@code clientId} are
     * required; {@code clientSecret} is for a confidential (web) app.
     */
    public static final class Builder extends ClientSecretBuilder<Builder> {
        private String code;
        private String redirectUrl;
        private String codeVerifier;

        private Builder() {
        }

        /**
         * Sets the authorization code the app received (required).
         *
         * @param value the code
         * @return this builder
         */
        public Builder authorizationCode(String value) {
            this.code = value;
            return this;
        }

        /**
         * Sets the redirect URL the code was sent to, exactly as in the authorize request (required).
         *
         * @param value the URL
         * @return this builder
         */
        public Builder redirectUrl(String value) {
            this.redirectUrl = value;
            return this;
        }

        /**
         * Sets the PKCE code verifier of the authorize request, if one was sent.
         *
         * @param value the verifier
         * @return this builder
         */
        public Builder codeVerifier(String value) {
            this.codeVerifier = value;
            return this;
        }

        /**
         * Builds the credential. Performs no I/O.
         *
         * @return the credential
         * @throws IllegalArgumentException naming a missing setting
         */
        public AuthorizationCodeCredential build() {
            CredentialSettings settings = options.settings();
            Tenants.validate(ConfidentialClients.require(tenantId, NAME, "tenantId", "the tenant"), NAME + ": tenantId");
            String cid = ConfidentialClients.require(clientId, NAME, "clientId", "the app's client id").trim();
            ConfidentialClients.require(code, NAME, "authorizationCode", "the code the app received");
            ConfidentialClients.require(redirectUrl, NAME, "redirectUrl", "the redirect URL of the authorize request");
            Authority authority = settings.authority(NAME, tenantId);
            ClientSecretAuthentication auth = secretAuthentication();
            var endpoint = settings.pipelines().tokenEndpoint(NAME, secretRedactor(cid, code, codeVerifier));
            AtomicBoolean redeemed = new AtomicBoolean();
            UserSignIn redeem = (target, scopes, claims) -> {
                if (!redeemed.compareAndSet(false, true)) {
                    throw new AuthenticationFailedException(NAME + ": the authorization code was already redeemed and the "
                            + "refresh token no longer works. Send the user through sign-in again and build a new credential.");
                }
                FormBody form = new FormBody().add("grant_type", "authorization_code").add("client_id", cid)
                        .add("code", code).add("redirect_uri", redirectUrl).add("code_verifier", codeVerifier)
                        .add("scope", String.join(" ", scopes)).add("client_info", "1").add("claims", claims);
                if (auth != null) {
                    auth.apply(form, target.tokenEndpoint());
                }
                return endpoint.requestUserToken(target.tokenEndpoint(), form);
            };
            return new AuthorizationCodeCredential(new UserTokenClient(NAME, authority, cid,
                    settings.tenantPolicy(NAME, Variables.SHARED),
                    endpoint, settings.caches().newUnsharedCache(NAME, persistence, dev.azid.internal.fingerprint.Fingerprints.sha256(code)), redeem, auth,
                    dev.azid.internal.signin.SessionPolicy.DEFAULT, settings.clock()));
        }
    }
}
