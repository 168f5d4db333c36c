package dev.azid;

import dev.azid.DefaultAzureCredential.Kind;
import dev.azid.internal.credential.DefaultChain;
import java.util.ArrayList;
import java.util.List;

/** Builds the members of {@link DefaultAzureCredential}'s chain with its shared options. */
final class DefaultChainMembers {

    private DefaultChainMembers() {
    }

    static ChainedTokenCredential chain(String name, List<Kind> kinds, DefaultChain.Options o) {
        List<TokenCredential> members = new ArrayList<>();
        for (Kind kind : kinds) {
            members.add(member(kind, o, kinds.size() > 1));
        }
        return new ChainedTokenCredential(name, members);
    }

    static TokenCredential member(Kind kind, DefaultChain.Options o, boolean probe) {
        String[] tenants = o.additionallyAllowedTenants.toArray(String[]::new);
        return switch (kind) {
            case INTERACTIVE_BROWSER -> {
                InteractiveBrowserCredential.Builder b = InteractiveBrowserCredential.builder().environment(o.environment)
                        .additionallyAllowedTenants(tenants);
                if (o.tenantId != null) {
                    b.tenantId(o.tenantId);
                }
                if (o.browser != null) {
                    b.browser(o.browser);
                }
                o.environment.get("AZURE_AUTHORITY_HOST").ifPresent(b::authorityHostFromEnvironment);
                with(o, b::httpTransport, b::executor);
                yield b.build();
            }
            case ENVIRONMENT -> {
                EnvironmentCredential.Builder b = EnvironmentCredential.builder().environment(o.environment);
                with(o, b::httpTransport, b::executor);
                yield b.build();
            }
            case WORKLOAD_IDENTITY -> {
                WorkloadIdentityCredential.Builder b = WorkloadIdentityCredential.builder().environment(o.environment)
                        .clientId(o.workloadIdentityClientId).tenantId(o.tenantId).additionallyAllowedTenants(tenants);
                with(o, b::httpTransport, b::executor);
                yield b.build();
            }
            case MANAGED_IDENTITY -> {
                // Precedence: builder value > AZURE_CLIENT_ID, as in Microsoft's DefaultAzureCredential.
                String clientId = o.managedIdentityClientId != null ? o.managedIdentityClientId
                        : o.environment.get("AZURE_CLIENT_ID").orElse(null);
                ManagedIdentityCredential.Builder b = ManagedIdentityCredential.builder().environment(o.environment)
                        .clientId(clientId);
                if (probe) {
                    b.probeImds(o.probeTimeout);
                }
                with(o, b::httpTransport, b::executor);
                yield b.build();
            }
            case AZURE_CLI -> {
                AzureCliCredential.Builder b = AzureCliCredential.builder().environment(o.environment).tenantId(o.tenantId)
                        .additionallyAllowedTenants(tenants);
                with(o, t -> { }, b::executor);
                tool(o, b::processTimeout);
                yield b.build();
            }
            case AZURE_POWERSHELL -> {
                AzurePowerShellCredential.Builder b = AzurePowerShellCredential.builder().environment(o.environment)
                        .tenantId(o.tenantId).additionallyAllowedTenants(tenants);
                with(o, t -> { }, b::executor);
                tool(o, b::processTimeout);
                yield b.build();
            }
            case AZURE_DEVELOPER_CLI -> {
                AzureDeveloperCliCredential.Builder b = AzureDeveloperCliCredential.builder().environment(o.environment)
                        .tenantId(o.tenantId).additionallyAllowedTenants(tenants);
                with(o, t -> { }, b::executor);
                tool(o, b::processTimeout);
                yield b.build();
            }
        };
    }

    /** Passes the chain's transport and executor to a member's builder when they are set. */
    private static void with(DefaultChain.Options o, java.util.function.Consumer<dev.azid.http.HttpTransport> transport,
            java.util.function.Consumer<java.util.concurrent.Executor> executor) {
        if (o.transport != null) {
            transport.accept(o.transport);
        }
        if (o.executor != null) {
            executor.accept(o.executor);
        }
    }

    private static void tool(DefaultChain.Options o, java.util.function.Consumer<java.time.Duration> timeout) {
        if (o.processTimeout != null) {
            timeout.accept(o.processTimeout);
        }
    }
}
