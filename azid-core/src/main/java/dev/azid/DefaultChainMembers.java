package dev.azid;

import static dev.azid.internal.env.EnvironmentVariables.AZURE_CLIENT_ID;
import static dev.azid.internal.env.EnvironmentVariables.AZURE_TENANT_ID;

import dev.azid.DefaultAzureCredential.Kind;
import dev.azid.internal.oauth2.Tenants;
import java.util.ArrayList;
import java.util.List;

/**
 * Builds the members of {@link DefaultAzureCredential}'s chain. Each member gets the chain's
 * {@link CredentialOptions} (with the chain's {@code authorityHost}, when set), and only the
 * chain's own settings that apply to it. The developer tools are built as chain members, so a tool
 * that runs and fails is unavailable and the chain moves on.
 */
final class DefaultChainMembers {

    private DefaultChainMembers() {
    }

    /** What the members share, resolved once from the builder and the environment. */
    private record Shared(CredentialOptions options, String toolTenant, boolean probe) {
    }

    static ChainedTokenCredential chain(String name, List<Kind> kinds, DefaultAzureCredential.Builder b) {
        if (b.managedIdentityClientId != null && b.managedIdentityResourceId != null) {
            throw new IllegalArgumentException(name + ": managedIdentityClientId and managedIdentityResourceId are both "
                    + "set. Set at most one of them.");
        }
        CredentialOptions o = b.authorityHost == null ? b.options : b.options.toBuilder().authorityHost(b.authorityHost).build();
        // Precedence: builder value > AZURE_TENANT_ID > the tool's signed-in tenant, as in azure-identity.
        String tenant = b.tenantId;
        if (tenant == null) {
            tenant = o.environment().get(AZURE_TENANT_ID).map(String::trim).orElse(null);
            if (tenant != null) {
                Tenants.validate(tenant, name + ": " + AZURE_TENANT_ID);
            }
        }
        Shared shared = new Shared(o, tenant, kinds.size() > 1);
        List<TokenCredential> members = new ArrayList<>();
        for (Kind kind : kinds) {
            members.add(member(kind, b, shared));
        }
        return new ChainedTokenCredential(name, members);
    }

    private static TokenCredential member(Kind kind, DefaultAzureCredential.Builder dac, Shared shared) {
        CredentialOptions o = shared.options();
        return switch (kind) {
            case INTERACTIVE_BROWSER -> {
                InteractiveBrowserCredential.Builder b = InteractiveBrowserCredential.builder().options(o);
                if (shared.toolTenant() != null) {
                    b.tenantId(shared.toolTenant());
                }
                if (dac.browser != null) {
                    b.browser(dac.browser);
                }
                yield b.build();
            }
            case ENVIRONMENT -> EnvironmentCredential.builder().options(o).build();
            case WORKLOAD_IDENTITY -> WorkloadIdentityCredential.builder().options(o)
                    .clientId(dac.workloadIdentityClientId).tenantId(dac.tenantId).build();
            case MANAGED_IDENTITY -> managedIdentity(dac, shared);
            case INTELLIJ -> IntelliJCredential.create();
            case VISUAL_STUDIO_CODE -> VisualStudioCodeCredential.create(o.environment());
            case AZURE_CLI -> tool(AzureCliCredential.builder(), dac, shared).build();
            case AZURE_POWERSHELL -> tool(AzurePowerShellCredential.builder(), dac, shared).build();
            case AZURE_DEVELOPER_CLI -> tool(AzureDeveloperCliCredential.builder(), dac, shared).build();
        };
    }

    private static ManagedIdentityCredential managedIdentity(DefaultAzureCredential.Builder dac, Shared shared) {
        ManagedIdentityCredential.Builder b = ManagedIdentityCredential.builder().options(shared.options());
        if (dac.managedIdentityResourceId != null) {
            b.resourceId(dac.managedIdentityResourceId);
        } else {
            // Precedence: builder value > AZURE_CLIENT_ID, as in Microsoft's DefaultAzureCredential.
            b.clientId(dac.managedIdentityClientId != null ? dac.managedIdentityClientId
                    : shared.options().environment().get(AZURE_CLIENT_ID).orElse(null));
        }
        if (shared.probe()) {
            b.probeImds(dac.probeTimeout);
        }
        return b.build();
    }

    /** The settings every developer tool of the chain shares, and the mark that makes a failed run unavailable. */
    private static <B extends DeveloperToolBuilder<B>> B tool(B b, DefaultAzureCredential.Builder dac, Shared shared) {
        b.options(shared.options()).tenantId(shared.toolTenant()).chainMember();
        if (dac.processTimeout != null) {
            b.processTimeout(dac.processTimeout);
        }
        if (dac.processRunner != null) {
            b.processRunner(dac.processRunner);
        }
        return b;
    }
}
