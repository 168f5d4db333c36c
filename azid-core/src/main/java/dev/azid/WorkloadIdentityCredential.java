package dev.azid;

import dev.azid.internal.credential.CredentialSettings.Variables;
import dev.azid.internal.credential.CredentialSettings.Sourced;
import static dev.azid.internal.env.EnvironmentVariables.AZURE_CLIENT_ID;
import static dev.azid.internal.env.EnvironmentVariables.AZURE_FEDERATED_TOKEN_FILE;
import static dev.azid.internal.env.EnvironmentVariables.AZURE_TENANT_ID;

import dev.azid.internal.credential.CredentialSettings;
import dev.azid.internal.oauth2.AssertionAuthentication;
import dev.azid.internal.credential.ConfidentialClients;
import dev.azid.internal.credential.Refused;
import dev.azid.internal.oauth2.FederatedTokens;
import dev.azid.internal.fingerprint.Fingerprints;
import dev.azid.internal.http.TokenProxy;
import dev.azid.internal.http.TokenProxyTransport;
import dev.azid.internal.io.BoundedFileReader;
import dev.azid.internal.redact.Redactor;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Workload identity (AKS, or any OIDC federation through a token file): exchanges the token in
 * {@code AZURE_FEDERATED_TOKEN_FILE} for an Entra token as a client assertion of
 * {@code AZURE_CLIENT_ID} in {@code AZURE_TENANT_ID} at {@code AZURE_AUTHORITY_HOST}. The file is
 * re-read when the copy in memory is older than 5 minutes, so rotated projected tokens are used.
 * Builder values win over the variables. Unavailable when neither gives all three of file, client
 * and tenant; a missing or empty file is a failure naming the path. With {@link Builder#enableAzureProxy()},
 * requests go through the AKS identity binding proxy the cluster configures. Thread-safe; no I/O when built.
 */
public final class WorkloadIdentityCredential extends DelegatingCredential {

    /** The credential's name, used in messages and logs. */
    public static final String NAME = "WorkloadIdentityCredential";

    private WorkloadIdentityCredential(TokenCredential tokens) {
        super(tokens);
    }

    /**
     * Starts a builder.
     *
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder();
    }

    private static Refused unavailable(RuntimeException problem, String name) {
        return new Refused(problem, name + "[unavailable]");
    }

    /**
     * Builds a {@link WorkloadIdentityCredential}. Not thread-safe. {@code tenantId} and {@code clientId}
     * default to {@code AZURE_TENANT_ID} and {@code AZURE_CLIENT_ID}.
     */
    public static final class Builder extends EntraCredentialBuilder<Builder> {
        private Path tokenFile;
        private boolean azureProxy;
        private BoundedFileReader files = BoundedFileReader.system();
        private String name = NAME;

        private Builder() {
        }

        /**
         * Sends token requests through the AKS identity binding proxy when the cluster configures one
         * (default: off, and the variables below are ignored): {@code AZURE_KUBERNETES_TOKEN_PROXY}
         * (its https URL; the authority's path is appended), {@code AZURE_KUBERNETES_SNI_NAME} (the TLS
         * server name, which the proxy's certificate must carry), and one of
         * {@code AZURE_KUBERNETES_CA_FILE} (read again on every request, so a rotated CA is used) or
         * {@code AZURE_KUBERNETES_CA_DATA} (inline PEM); with neither, the JVM's trust store. Without
         * {@code AZURE_KUBERNETES_TOKEN_PROXY}, requests go to the authority as usual, but another
         * of the variables alone is a configuration error. With an {@code httpTransport} set on the
         * options, requests go through it to the proxy URL, and TLS is that transport's business.
         *
         * @return this builder
         */
        public Builder enableAzureProxy() {
            this.azureProxy = true;
            return this;
        }

        /** Names another credential in messages: ManagedIdentityCredential's token exchange. */
        Builder name(String value) {
            this.name = java.util.Objects.requireNonNull(value, "name");
            return this;
        }

        /** Reads the CA file through this reader (tests). */
        Builder files(BoundedFileReader value) {
            this.files = java.util.Objects.requireNonNull(value, "files");
            return this;
        }

        /**
         * Sets the token file (default {@code AZURE_FEDERATED_TOKEN_FILE}).
         *
         * @param file the file
         * @return this builder
         */
        public Builder tokenFilePath(Path file) {
            this.tokenFile = file;
            return this;
        }

        /**
         * Builds the credential. Reads variables, not the file.
         *
         * @return the credential
         */
        public WorkloadIdentityCredential build() {
            CredentialSettings settings = options.settings();
            Environment env = settings.environment();
            // Precedence: builder value > environment variable.
            String tenant = tenantId != null ? tenantId : env.get(AZURE_TENANT_ID).orElse(null);
            String client = clientId != null ? clientId : env.get(AZURE_CLIENT_ID).orElse(null);
            Path file = tokenFile != null ? tokenFile : env.get(AZURE_FEDERATED_TOKEN_FILE).map(Path::of).orElse(null);
            List<String> missing = new ArrayList<>();
            if (file == null) {
                missing.add(AZURE_FEDERATED_TOKEN_FILE);
            }
            if (client == null) {
                missing.add(AZURE_CLIENT_ID);
            }
            if (tenant == null) {
                missing.add(AZURE_TENANT_ID);
            }
            if (!missing.isEmpty()) {
                return new WorkloadIdentityCredential(unavailable(new CredentialUnavailableException(name + ": workload identity "
                        + "is not configured: " + String.join(", ", missing) + (missing.size() == 1 ? " is" : " are")
                        + " not set. On AKS, label the pod azure.workload.identity/use: \"true\" and give it a service "
                        + "account federated with the application; elsewhere set the variables or builder values."), name));
            }
            try {
                if (azureProxy) {
                    settings = throughProxy(settings);
                }
                AssertionAuthentication auth = new AssertionAuthentication(name, FederatedTokens.file(name, file, settings.clock()),
                        Fingerprints.sha256("file:" + file.toAbsolutePath()), settings.clock(), false);
                return new WorkloadIdentityCredential(ConfidentialClients.create(name, settings,
                        Variables.SHARED_AND_TENANTS, new Sourced<>(tenant, tenantId != null ? "tenantId"
                                : AZURE_TENANT_ID), client, auth, Redactor.SHAPES, persistence).tokens());
            } catch (IllegalArgumentException e) {
                return new WorkloadIdentityCredential(unavailable(new AuthenticationFailedException(e.getMessage(), e), name));
            }
        }

        /** The settings over the identity binding proxy, when the variables name one. */
        private CredentialSettings throughProxy(CredentialSettings settings) {
            Environment env = settings.environment();
            return TokenProxy.fromEnvironment(name, env).map(proxy -> settings.withTransport(settings.hasTransport()
                    ? TokenProxyTransport.over(proxy, settings.explicitTransport())
                    : TokenProxyTransport.withTls(name, proxy, env, files))).orElse(settings);
        }
    }
}
