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
 * and tenant; a missing or empty file is a failure naming the path. Thread-safe; no I/O when built.
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

    private static Refused unavailable(RuntimeException problem) {
        return new Refused(problem, NAME + "[unavailable]");
    }

    /**
     * Builds a {@link WorkloadIdentityCredential}. Not thread-safe. {@code tenantId} and {@code clientId}
     * default to {@code AZURE_TENANT_ID} and {@code AZURE_CLIENT_ID}.
     */
    public static final class Builder extends EntraCredentialBuilder<Builder> {
        private Path tokenFile;

        private Builder() {
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
                return new WorkloadIdentityCredential(unavailable(new CredentialUnavailableException(NAME + ": workload identity "
                        + "is not configured: " + String.join(", ", missing) + (missing.size() == 1 ? " is" : " are")
                        + " not set. On AKS, label the pod azure.workload.identity/use: \"true\" and give it a service "
                        + "account federated with the application; elsewhere set the variables or builder values.")));
            }
            try {
                AssertionAuthentication auth = new AssertionAuthentication(NAME, FederatedTokens.file(NAME, file, settings.clock()),
                        Fingerprints.sha256("file:" + file.toAbsolutePath()), settings.clock(), false);
                return new WorkloadIdentityCredential(ConfidentialClients.create(NAME, settings,
                        Variables.SHARED_AND_TENANTS, new Sourced<>(tenant, tenantId != null ? "tenantId"
                                : AZURE_TENANT_ID), client, auth, Redactor.SHAPES).tokens());
            } catch (IllegalArgumentException e) {
                return new WorkloadIdentityCredential(unavailable(new AuthenticationFailedException(e.getMessage(), e)));
            }
        }
    }
}
