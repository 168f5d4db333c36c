package dev.azid.differential;

import com.azure.core.credential.TokenCredential;
import dev.azid.AzureCliCredential;
import dev.azid.AzureDeveloperCliCredential;
import dev.azid.AzurePowerShellCredential;
import dev.azid.ClientSecretCredential;
import dev.azid.CredentialOptions;
import dev.azid.DefaultAzureCredential;
import dev.azid.EnvironmentCredential;
import dev.azid.ManagedIdentityCredential;
import dev.azid.WorkloadIdentityCredential;
import dev.azid.azure.AzureCoreCredential;
import java.time.Duration;
import java.util.List;

/**
 * The azid side, for now on azid's public {@code dev.azid} API behind {@link AzureCoreCredential}; the
 * compatibility builders of {@code dev.azid.azure.identity} replace it once they exist (issue 13).
 */
final class AzidFactory implements CredentialFactory {

    @Override
    public TokenCredential build(Probe p) {
        CredentialOptions.Builder o = CredentialOptions.builder();
        p.setting("allowed").ifPresent(s -> o.additionallyAllowedTenants(List.of(s.split(","))));
        p.setting("authorityHost").ifPresent(o::authorityHost);
        CredentialOptions options = o.build();
        return AzureCoreCredential.of(switch (p.subject()) {
            case DEFAULT -> {
                DefaultAzureCredential.Builder b = DefaultAzureCredential.builder().options(options);
                p.setting("tenantId").ifPresent(b::tenantId);
                timeout(p).ifPresent(b::processTimeout);
                p.setting("miClientId").ifPresent(b::managedIdentityClientId);
                yield b.build();
            }
            case ENVIRONMENT -> EnvironmentCredential.builder().options(options).build();
            case AZURE_CLI -> {
                AzureCliCredential.Builder b = AzureCliCredential.builder().options(options);
                p.setting("tenantId").ifPresent(b::tenantId);
                timeout(p).ifPresent(b::processTimeout);
                yield b.build();
            }
            case AZURE_DEVELOPER_CLI -> {
                AzureDeveloperCliCredential.Builder b = AzureDeveloperCliCredential.builder().options(options);
                p.setting("tenantId").ifPresent(b::tenantId);
                timeout(p).ifPresent(b::processTimeout);
                yield b.build();
            }
            case AZURE_POWERSHELL -> {
                AzurePowerShellCredential.Builder b = AzurePowerShellCredential.builder().options(options);
                p.setting("tenantId").ifPresent(b::tenantId);
                yield b.build();
            }
            case MANAGED_IDENTITY -> {
                ManagedIdentityCredential.Builder b = ManagedIdentityCredential.builder().options(options);
                p.setting("miClientId").ifPresent(b::clientId);
                p.setting("miResourceId").ifPresent(b::resourceId);
                yield b.build();
            }
            case WORKLOAD_IDENTITY -> WorkloadIdentityCredential.builder().options(options).build();
            case CLIENT_SECRET -> {
                ClientSecretCredential.Builder b = ClientSecretCredential.builder().options(options);
                p.setting("tenantId").ifPresent(b::tenantId);
                p.setting("clientId").ifPresent(b::clientId);
                p.setting("clientSecret").ifPresent(b::clientSecret);
                yield b.build();
            }
        });
    }

    private static java.util.Optional<Duration> timeout(Probe p) {
        return p.setting("processTimeout").map(s -> Duration.ofSeconds(Long.parseLong(s)));
    }
}
