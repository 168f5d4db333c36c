package dev.azid;

import dev.azid.internal.credential.CredentialSettings.Variables;
import dev.azid.internal.cert.CertificateSource;
import dev.azid.internal.credential.CredentialSettings;
import dev.azid.internal.oauth2.Authority;
import dev.azid.internal.oauth2.CertificateAuthentication;
import dev.azid.internal.oauth2.ClientAuthentication;
import dev.azid.internal.credential.ConfidentialClients;
import dev.azid.internal.oauth2.OnBehalfOfClient;
import dev.azid.internal.oauth2.Tenants;
import java.nio.file.Path;

/**
 * The on-behalf-of flow for a middle-tier web API: exchanges the token a user sent to the API
 * (the user assertion) plus the API's own secret or certificate for a token to call a downstream
 * API as that user. Create one per incoming user token; tokens are cached per assertion, so one
 * user's token is never handed out for another. Thread-safe.
 */
public final class OnBehalfOfCredential extends DelegatingCredential {

    /** The credential's name, used in messages and logs. */
    public static final String NAME = "OnBehalfOfCredential";

    private OnBehalfOfCredential(OnBehalfOfClient client) {
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
     * Builds an {@link OnBehalfOfCredential}. Not thread-safe. {@code tenantId} and {@code clientId} (the
     * middle-tier API's) are required, and exactly one of {@code clientSecret} and {@code certificate},
     * with which the API authenticates.
     */
    public static final class Builder extends ClientSecretBuilder<Builder> {
        private String userAssertion;
        private Path certificate;
        private String certificatePassword;

        private Builder() {
        }

        /**
         * Sets the access token the user sent to the API (required).
         *
         * @param value the incoming token
         * @return this builder
         */
        public Builder userAssertion(String value) {
            this.userAssertion = value;
            return this;
        }

        /**
         * Authenticates the API with a certificate (PEM or PFX file).
         *
         * @param file the certificate file
         * @param password its password, or {@code null}
         * @return this builder
         */
        public Builder certificate(Path file, String password) {
            this.certificate = file;
            this.certificatePassword = password;
            return this;
        }

        /**
         * Builds the credential. Performs no I/O.
         *
         * @return the credential
         * @throws IllegalArgumentException naming a missing or conflicting setting
         */
        public OnBehalfOfCredential build() {
            CredentialSettings settings = options.settings();
            Tenants.validate(ConfidentialClients.require(tenantId, NAME, "tenantId", "the tenant"), NAME + ": tenantId");
            String cid = ConfidentialClients.require(clientId, NAME, "clientId", "the API's client id").trim();
            ConfidentialClients.require(userAssertion, NAME, "userAssertion", "the token the user sent to the API");
            if ((clientSecret == null) == (certificate == null)) {
                throw new IllegalArgumentException(NAME + ": set exactly one of clientSecret(...) and certificate(...).");
            }
            ClientAuthentication auth = clientSecret != null ? secretAuthentication() : certificateAuthentication(cid, settings);
            Authority authority = settings.authority(NAME, tenantId);
            return new OnBehalfOfCredential(new OnBehalfOfClient(NAME, authority, cid, userAssertion, auth,
                    settings.tenantPolicy(NAME, Variables.SHARED),
                    settings.pipelines().tokenEndpoint(NAME, secretRedactor(cid, userAssertion, certificatePassword)),
                    settings.caches().newCache(NAME, persistence, "", false)));
        }

        private ClientAuthentication certificateAuthentication(String cid, CredentialSettings settings) {
            CertificateSource source = CertificateSource.file(NAME, certificate, certificatePassword, settings.clock());
            return new CertificateAuthentication(cid, source::get, source.fingerprint(), false, false, settings.clock());
        }
    }
}
