package dev.azid;

import static dev.azid.internal.env.EnvironmentVariables.AZURE_CLIENT_ID;

import dev.azid.DefaultAzureCredential.Kind;
import java.util.ArrayList;
import java.util.List;

/**
 * Builds the members of {@link DefaultAzureCredential}'s chain. Each member gets the chain's
 * {@link CredentialOptions} unchanged, and only the chain's own settings that apply to it.
 */
final class DefaultChainMembers {

    private DefaultChainMembers() {
    }

    static ChainedTokenCredential chain(String name, List<Kind> kinds, DefaultAzureCredential.Builder b) {
        List<TokenCredential> members = new ArrayList<>();
        for (Kind kind : kinds) {
            members.add(member(kind, b, kinds.size() > 1));
        }
        return new ChainedTokenCredential(name, members);
    }

    static TokenCredential member(Kind kind, DefaultAzureCredential.Builder dac, boolean probe) {
        CredentialOptions o = dac.options;
        return switch (kind) {
            case INTERACTIVE_BROWSER -> {
                InteractiveBrowserCredential.Builder b = InteractiveBrowserCredential.builder().options(o);
                if (dac.tenantId != null) {
                    b.tenantId(dac.tenantId);
                }
                if (dac.browser != null) {
                    b.browser(dac.browser);
                }
                yield b.build();
            }
            case ENVIRONMENT -> EnvironmentCredential.builder().options(o).build();
            case WORKLOAD_IDENTITY -> WorkloadIdentityCredential.builder().options(o)
                    .clientId(dac.workloadIdentityClientId).tenantId(dac.tenantId).build();
            case MANAGED_IDENTITY -> {
                // Precedence: builder value > AZURE_CLIENT_ID, as in Microsoft's DefaultAzureCredential.
                String clientId = dac.managedIdentityClientId != null ? dac.managedIdentityClientId
                        : o.environment().get(AZURE_CLIENT_ID).orElse(null);
                ManagedIdentityCredential.Builder b = ManagedIdentityCredential.builder().options(o).clientId(clientId);
                if (probe) {
                    b.probeImds(dac.probeTimeout);
                }
                yield b.build();
            }
            case AZURE_CLI -> {
                AzureCliCredential.Builder b = AzureCliCredential.builder().options(o).tenantId(dac.tenantId);
                if (dac.processTimeout != null) {
                    b.processTimeout(dac.processTimeout);
                }
                yield b.build();
            }
            case AZURE_POWERSHELL -> {
                AzurePowerShellCredential.Builder b = AzurePowerShellCredential.builder().options(o).tenantId(dac.tenantId);
                if (dac.processTimeout != null) {
                    b.processTimeout(dac.processTimeout);
                }
                yield b.build();
            }
            case AZURE_DEVELOPER_CLI -> {
                AzureDeveloperCliCredential.Builder b = AzureDeveloperCliCredential.builder().options(o)
                        .tenantId(dac.tenantId);
                if (dac.processTimeout != null) {
                    b.processTimeout(dac.processTimeout);
                }
                yield b.build();
            }
        };
    }
}
