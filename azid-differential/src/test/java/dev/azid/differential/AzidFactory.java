package dev.azid.differential;

import com.azure.core.credential.TokenCredential;
import dev.azid.azure.identity.AzureCliCredentialBuilder;
import dev.azid.azure.identity.AzureDeveloperCliCredentialBuilder;
import dev.azid.azure.identity.AzurePowerShellCredentialBuilder;
import dev.azid.azure.identity.ClientSecretCredentialBuilder;
import dev.azid.azure.identity.DefaultAzureCredentialBuilder;
import dev.azid.azure.identity.EnvironmentCredentialBuilder;
import dev.azid.azure.identity.ManagedIdentityCredentialBuilder;
import dev.azid.azure.identity.WorkloadIdentityCredentialBuilder;
import java.time.Duration;
import java.util.List;

/**
 * The azid side: the compatibility builders of {@code dev.azid.azure.identity}, the same source as
 * {@link ReferenceFactory} with only the imports changed (the one-line migration of issue 13).
 */
final class AzidFactory implements CredentialFactory {

    @Override
    public TokenCredential build(Probe p) {
        return switch (p.subject()) {
            case DEFAULT -> {
                DefaultAzureCredentialBuilder b = new DefaultAzureCredentialBuilder();
                p.setting("tenantId").ifPresent(b::tenantId);
                p.setting("processTimeout").ifPresent(s -> b.credentialProcessTimeout(Duration.ofSeconds(Long.parseLong(s))));
                p.setting("miClientId").ifPresent(b::managedIdentityClientId);
                allowed(p).ifPresent(b::additionallyAllowedTenants);
                yield b.build();
            }
            case ENVIRONMENT -> new EnvironmentCredentialBuilder().build();
            case AZURE_CLI -> {
                AzureCliCredentialBuilder b = new AzureCliCredentialBuilder();
                p.setting("tenantId").ifPresent(b::tenantId);
                p.setting("processTimeout").ifPresent(s -> b.processTimeout(Duration.ofSeconds(Long.parseLong(s))));
                allowed(p).ifPresent(b::additionallyAllowedTenants);
                yield b.build();
            }
            case AZURE_DEVELOPER_CLI -> {
                AzureDeveloperCliCredentialBuilder b = new AzureDeveloperCliCredentialBuilder();
                p.setting("tenantId").ifPresent(b::tenantId);
                p.setting("processTimeout").ifPresent(s -> b.processTimeout(Duration.ofSeconds(Long.parseLong(s))));
                allowed(p).ifPresent(b::additionallyAllowedTenants);
                yield b.build();
            }
            case AZURE_POWERSHELL -> {
                AzurePowerShellCredentialBuilder b = new AzurePowerShellCredentialBuilder();
                p.setting("tenantId").ifPresent(b::tenantId);
                allowed(p).ifPresent(b::additionallyAllowedTenants);
                yield b.build();
            }
            case MANAGED_IDENTITY -> {
                ManagedIdentityCredentialBuilder b = new ManagedIdentityCredentialBuilder();
                p.setting("miClientId").ifPresent(b::clientId);
                p.setting("miResourceId").ifPresent(b::resourceId);
                yield b.build();
            }
            case WORKLOAD_IDENTITY -> new WorkloadIdentityCredentialBuilder().build();
            case CLIENT_SECRET -> {
                ClientSecretCredentialBuilder b = new ClientSecretCredentialBuilder()
                        .tenantId(p.setting("tenantId").orElse(null))
                        .clientId(p.setting("clientId").orElse(null))
                        .clientSecret(p.setting("clientSecret").orElse(null));
                p.setting("authorityHost").ifPresent(b::authorityHost);
                allowed(p).ifPresent(b::additionallyAllowedTenants);
                yield b.build();
            }
        };
    }

    private static java.util.Optional<List<String>> allowed(Probe p) {
        return p.setting("allowed").map(s -> List.of(s.split(",")));
    }
}
