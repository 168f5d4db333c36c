package dev.azid;

import dev.azid.internal.devtools.ChainMemberTokens;
import dev.azid.internal.devtools.DevToolFields;
import dev.azid.internal.devtools.DevToolSettings;
import dev.azid.internal.process.ProcessRunner;
import java.time.Duration;
import java.time.ZoneId;
import java.util.Objects;

/**
 * The settings that the builders of the developer-tool credentials (Azure CLI, Azure Developer
 * CLI, Azure PowerShell) share, written once: the {@link CredentialOptions}, the tenant and the
 * time one run of the tool may take, plus the test seams. Each of those builders extends it once
 * (one level deep, package-private) and adds only its own settings.
 *
 * @param <B> the credential's builder, returned by every setter for chaining
 */
abstract class DeveloperToolBuilder<B extends DeveloperToolBuilder<B>> {

    private final DevToolFields fields;
    private CredentialOptions options = CredentialOptions.defaults();
    private boolean chainMember;

    DeveloperToolBuilder(Duration defaultProcessTimeout) {
        this.fields = new DevToolFields(defaultProcessTimeout);
    }

    /**
     * Sets what this credential shares with every credential: environment ({@code PATH}),
     * executor, additionally allowed tenants (default {@link CredentialOptions#defaults()}).
     *
     * @param options the options
     * @return this builder
     */
    public final B options(CredentialOptions options) {
        this.options = Objects.requireNonNull(options, "options");
        return self();
    }

    /**
     * Sets the tenant to get tokens from (default: the tool's signed-in tenant).
     *
     * @param tenantId a tenant id or domain
     * @return this builder
     */
    public final B tenantId(String tenantId) {
        fields.tenantId(tenantId);
        return self();
    }

    /**
     * Sets the most time one run of the tool may take (default 20 s).
     *
     * @param timeout a positive duration
     * @return this builder
     */
    public final B processTimeout(Duration timeout) {
        fields.processTimeout(timeout);
        return self();
    }

    final B processRunner(ProcessRunner runner) {
        fields.runner(runner);
        return self();
    }

    final B localZone(ZoneId zone) {
        fields.localZone(zone);
        return self();
    }

    final B osName(String osName) {
        fields.osName(osName);
        return self();
    }

    /**
     * Marks the credential as a member of {@link DefaultAzureCredential}: a tool that runs and fails
     * is then unavailable, so the chain moves on (see {@link ChainMemberTokens}).
     */
    final B chainMember() {
        this.chainMember = true;
        return self();
    }

    /** The tokens the credential serves: its source, translated for a chain member. */
    final TokenCredential served(TokenCredential source) {
        return chainMember ? new ChainMemberTokens(source) : source;
    }

    /** Validates the shared settings and resolves them with the options, for {@code build()}. */
    final DevToolSettings settings(String credentialName) {
        return fields.build(credentialName, options.settings());
    }

    @SuppressWarnings("unchecked")
    private B self() {
        // Sound: every subclass is declared as `Builder extends DeveloperToolBuilder<Builder>`.
        return (B) this;
    }
}
