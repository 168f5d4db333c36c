package dev.azid;

import static dev.azid.internal.env.EnvironmentVariables.AZURE_CLIENT_ID;
import static dev.azid.internal.env.EnvironmentVariables.AZURE_TENANT_ID;

import dev.azid.DefaultAzureCredential.Kind;
import dev.azid.internal.credential.DefaultChain;
import dev.azid.internal.oauth2.Tenants;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;

/**
 * What a {@link DefaultAzureCredential.Builder} holds, and the members of the chain built from it.
 * Each member gets the chain's {@link CredentialOptions} (with the chain's {@code authorityHost},
 * when set), and only the chain's own settings that apply to it. The developer tools are built as
 * chain members, so a tool that runs and fails is unavailable and the chain moves on. Not
 * thread-safe, like the builder.
 */
final class DefaultChainMembers {

    // Package-private: the builder's setters write them.
    final Set<Kind> excluded = EnumSet.of(Kind.INTERACTIVE_BROWSER);
    String managedIdentityClientId;
    String managedIdentityResourceId;
    String workloadIdentityClientId;
    String authorityHost;
    List<String> requiredEnvVars = List.of();
    Duration probeTimeout = Duration.ofSeconds(1);
    Consumer<URI> browser;

    /**
     * Builds the chain. Performs no I/O.
     *
     * @param name the chain's name, for messages
     * @param builder the chain's builder: its options, tenant, and the settings of its tool members
     * @return the credential
     * @throws IllegalArgumentException as {@link DefaultAzureCredential.Builder#build()} documents
     */
    DefaultAzureCredential build(String name, DefaultAzureCredential.Builder builder) {
        CredentialOptions options = builder.options;
        DefaultChain.requireVariables(name, requiredEnvVars, options.environment());
        List<Kind> kinds = DefaultChain.kinds(name, excluded, options.environment());
        return new DefaultAzureCredential(chain(name, kinds, builder), kinds);
    }

    /** What the members share, resolved once from the builder and the environment. */
    private record Shared(DefaultAzureCredential.Builder builder, CredentialOptions options, String toolTenant,
            boolean probe) {
    }

    private ChainedTokenCredential chain(String name, List<Kind> kinds, DefaultAzureCredential.Builder builder) {
        CredentialOptions options = builder.options;
        String tenantId = builder.tenantId;
        if (managedIdentityClientId != null && managedIdentityResourceId != null) {
            throw new IllegalArgumentException(name + ": managedIdentityClientId and managedIdentityResourceId are both "
                    + "set. Set at most one of them.");
        }
        CredentialOptions o = authorityHost == null ? options : options.toBuilder().authorityHost(authorityHost).build();
        // Precedence: builder value > AZURE_TENANT_ID > the tool's signed-in tenant, as in azure-identity.
        String tenant = tenantId;
        if (tenant == null) {
            tenant = o.environment().get(AZURE_TENANT_ID).map(String::trim).orElse(null);
            if (tenant != null) {
                Tenants.validate(tenant, name + ": " + AZURE_TENANT_ID);
            }
        }
        Shared shared = new Shared(builder, o, tenant, kinds.size() > 1);
        List<TokenCredential> members = new ArrayList<>();
        for (Kind kind : kinds) {
            members.add(member(kind, shared));
        }
        return new ChainedTokenCredential(name, members);
    }

    private TokenCredential member(Kind kind, Shared shared) {
        CredentialOptions o = shared.options();
        return switch (kind) {
            case INTERACTIVE_BROWSER -> {
                InteractiveBrowserCredential.Builder b = InteractiveBrowserCredential.builder().options(o);
                if (shared.toolTenant() != null) {
                    b.tenantId(shared.toolTenant());
                }
                if (browser != null) {
                    b.browser(browser);
                }
                yield b.build();
            }
            case ENVIRONMENT -> EnvironmentCredential.builder().options(o).build();
            case WORKLOAD_IDENTITY -> WorkloadIdentityCredential.builder().options(o)
                    .clientId(workloadIdentityClientId).tenantId(shared.builder().tenantId).build();
            case MANAGED_IDENTITY -> managedIdentity(shared);
            case INTELLIJ -> IntelliJCredential.create();
            case VISUAL_STUDIO_CODE -> VisualStudioCodeCredential.create(o.environment());
            case AZURE_CLI -> tool(AzureCliCredential.builder(), shared).build();
            case AZURE_POWERSHELL -> tool(AzurePowerShellCredential.builder(), shared).build();
            case AZURE_DEVELOPER_CLI -> tool(AzureDeveloperCliCredential.builder(), shared).build();
        };
    }

    private ManagedIdentityCredential managedIdentity(Shared shared) {
        ManagedIdentityCredential.Builder b = ManagedIdentityCredential.builder().options(shared.options());
        if (managedIdentityResourceId != null) {
            b.resourceId(managedIdentityResourceId);
        } else {
            // Precedence: builder value > AZURE_CLIENT_ID, as in Microsoft's DefaultAzureCredential.
            b.clientId(managedIdentityClientId != null ? managedIdentityClientId
                    : shared.options().environment().get(AZURE_CLIENT_ID).orElse(null));
        }
        if (shared.probe()) {
            b.probeImds(probeTimeout);
        }
        return b.build();
    }

    private static <B extends DeveloperToolBuilder<B>> B tool(B b, Shared shared) {
        return shared.builder().member(b, shared.options(), shared.toolTenant());
    }
}
