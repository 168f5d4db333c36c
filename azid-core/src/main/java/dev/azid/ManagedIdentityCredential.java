package dev.azid;

import static dev.azid.internal.env.EnvironmentVariables.AZURE_CLIENT_ID;
import static dev.azid.internal.env.EnvironmentVariables.AZURE_FEDERATED_TOKEN_FILE;
import static dev.azid.internal.env.EnvironmentVariables.AZURE_TENANT_ID;

import dev.azid.http.HttpTransport;
import dev.azid.internal.cache.CachedTokenSource;
import dev.azid.internal.credential.Refused;
import dev.azid.internal.cache.TokenCache;
import dev.azid.internal.credential.CredentialSettings;
import dev.azid.internal.managedidentity.IdentityId;
import dev.azid.internal.managedidentity.MiDetector;
import dev.azid.internal.managedidentity.MiSource;
import dev.azid.internal.oauth2.Scopes;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * Authenticates as the managed identity of the Azure host it runs on. The host is detected from
 * the environment when the credential is built, in this order: Service Fabric
 * ({@code IDENTITY_ENDPOINT} + {@code IDENTITY_HEADER} + {@code IDENTITY_SERVER_THUMBPRINT}), App
 * Service / Functions ({@code IDENTITY_ENDPOINT} + {@code IDENTITY_HEADER}), Azure Arc
 * ({@code IDENTITY_ENDPOINT} + {@code IMDS_ENDPOINT}), Azure ML / legacy App Service
 * ({@code MSI_ENDPOINT} + {@code MSI_SECRET}), Cloud Shell ({@code MSI_ENDPOINT}), and otherwise
 * the Instance Metadata Service (VMs, scale sets, AKS nodes; host overridable with
 * {@code AZURE_POD_IDENTITY_AUTHORITY_HOST}). With {@code AZURE_TENANT_ID} and
 * {@code AZURE_FEDERATED_TOKEN_FILE} set (AKS workload identity), it exchanges that file's token
 * with Entra ID instead, as azure-identity does, for the client id given here or {@code AZURE_CLIENT_ID}.
 *
 * <p>The system-assigned identity is used unless a client id, resource id or object id names a
 * user-assigned one; hosts that cannot select one (Arc, Cloud Shell, Service Fabric) refuse before
 * any request, and an answer that names another identity ({@code client_id}, {@code object_id},
 * {@code msi_res_id}) than the one requested is refused. On IMDS, no answer, "identity not
 * assigned", or the "unreachable network" 403 of a container runtime's proxy makes the credential
 * unavailable; other errors are failures. A token that is already expired, or has no believable
 * expiry, is refused. Tokens are cached and refreshed at {@code refresh_in} or half their lifetime
 * when they live 2 hours or more. Thread-safe; building performs no I/O.
 */
public final class ManagedIdentityCredential extends DelegatingCredential {

    /** The credential's name, used in messages and logs. */
    public static final String NAME = "ManagedIdentityCredential";

    private static final CachedTokenSource.ScopeRule ONE_SCOPE = Scopes.exactlyOne(NAME, n -> NAME + ": a managed "
            + "identity gets a token for one resource at a time, but " + n + " scopes were requested.");

    /** The source's name when it is not an endpoint: token exchange with a federated token file. */
    private static final String TOKEN_EXCHANGE = "token exchange";

    private final MiSource source;
    private final boolean exchange;

    private ManagedIdentityCredential(MiSource source, RuntimeException problem, TokenCache cache, String identity) {
        super(problem != null ? new Refused(problem, NAME) : tokens(source, cache, identity));
        this.source = source;
        this.exchange = false;
    }

    private ManagedIdentityCredential(TokenCredential exchange) {
        super(exchange);
        this.source = null;
        this.exchange = true;
    }

    private static TokenCredential tokens(MiSource source, TokenCache cache, String identity) {
        // A host endpoint takes a resource, not a scope, and no tenant: "R" and "R/.default" share a token.
        return new CachedTokenSource(cache, identity, scopes -> List.of(Scopes.resource(ONE_SCOPE.apply(scopes).get(0))),
                CachedTokenSource.TenantRule.NONE, r -> source.token(r.scope())).ignoringCae();
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
     * The detected source, for diagnostics: {@code IMDS}, {@code App Service}, {@code Azure Arc}, ...
     *
     * @return the source's name, or {@code none} when the configuration is refused
     */
    public String source() {
        return exchange ? TOKEN_EXCHANGE : source == null ? "none" : source.name();
    }

    @Override
    public String toString() {
        return NAME + "[" + (exchange ? TOKEN_EXCHANGE : source == null ? "unavailable" : source) + "]";
    }

    /** Builds a {@link ManagedIdentityCredential}. Not thread-safe. */
    public static final class Builder extends CredentialBuilder<Builder> {
        private IdentityId id = IdentityId.SYSTEM;
        private int idsSet;
        private String osName = System.getProperty("os.name", "Linux");
        private Path arcTokenDirectory;
        private Duration probeTimeout;

        private Builder() {
        }

        /**
         * Uses the user-assigned identity with this client id.
         *
         * @param clientId the client id
         * @return this builder
         */
        public Builder clientId(String clientId) {
            return user(IdentityId.Kind.CLIENT_ID, clientId);
        }

        /**
         * Uses the user-assigned identity with this ARM resource id.
         *
         * @param resourceId e.g. {@code /subscriptions/.../userAssignedIdentities/name}
         * @return this builder
         */
        public Builder resourceId(String resourceId) {
            return user(IdentityId.Kind.RESOURCE_ID, resourceId);
        }

        /**
         * Uses the user-assigned identity with this object (principal) id.
         *
         * @param objectId the object id
         * @return this builder
         */
        public Builder objectId(String objectId) {
            return user(IdentityId.Kind.OBJECT_ID, objectId);
        }

        private Builder user(IdentityId.Kind kind, String value) {
            if (value != null && !value.isBlank()) {
                id = new IdentityId(kind, value.trim());
                idsSet++;
            }
            return this;
        }

        Builder osName(String name) {
            this.osName = name;
            return this;
        }

        Builder arcTokenDirectory(Path dir) {
            this.arcTokenDirectory = dir;
            return this;
        }

        /** Probes IMDS before its first real request (inside DefaultAzureCredential). */
        Builder probeImds(Duration timeout) {
            this.probeTimeout = timeout;
            return this;
        }

        /**
         * Detects the host from the environment and builds the credential. Performs no I/O.
         *
         * @return the credential
         * @throws IllegalArgumentException if more than one of client id, resource id and object id is set
         */
        public ManagedIdentityCredential build() {
            CredentialSettings settings = options.settings();
            if (idsSet > 1) {
                throw new IllegalArgumentException(NAME + ": set at most one of clientId, resourceId and objectId.");
            }
            Environment env = settings.environment();
            if (env.get(AZURE_TENANT_ID).isPresent() && env.get(AZURE_FEDERATED_TOKEN_FILE).isPresent()) {
                // As azure-identity: the builder's client id, else AZURE_CLIENT_ID, even when a resource or object id is set.
                String client = id.kind() == IdentityId.Kind.CLIENT_ID ? id.value() : env.get(AZURE_CLIENT_ID).orElse(null);
                return new ManagedIdentityCredential(WorkloadIdentityCredential.builder().name(NAME).options(options)
                        .clientId(client).build());
            }
            MiDetector.Detection d = MiDetector.detect(settings.environment(), new MiDetector.Options(NAME, id, settings,
                    settings.hasTransport(), ssl -> HttpTransport.builder().sslContext(ssl)
                            .environment(settings.environment()).build(), osName, arcTokenDirectory, probeTimeout));
            String identity = NAME + "|" + (d.source() == null ? "none" : d.source().name()) + "|" + id.kind() + "|" + id.value();
            return new ManagedIdentityCredential(d.source(), d.problem(), settings.caches().newCache(NAME, null, "", !id.userAssigned()), identity);
        }
    }
}
