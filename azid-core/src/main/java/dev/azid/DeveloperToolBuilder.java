package dev.azid;

import dev.azid.internal.credential.CredentialSettings;
import dev.azid.internal.devtools.ChainMemberTokens;
import dev.azid.internal.devtools.DevToolClient;
import dev.azid.internal.devtools.DevToolSettings;
import dev.azid.internal.oauth2.Tenants;
import dev.azid.internal.process.ProcessRunner;
import java.time.Duration;
import java.time.ZoneId;
import java.util.Objects;
import java.util.function.BiFunction;

/**
 * The settings that the builders of the developer-tool credentials (Azure CLI, Azure Developer
 * CLI, Azure PowerShell) share on top of {@link CredentialBuilder}, written once: the tenant and
 * the time one run of the tool may take (the same default for every tool), plus the test seams for
 * processes, local zone and OS. Each of those builders extends it (package-private) and adds only
 * its own settings. {@link DefaultAzureCredential}'s builder extends it too: its tool members get
 * these settings through {@link #member}.
 *
 * @param <B> the credential's builder, returned by every setter for chaining
 */
abstract class DeveloperToolBuilder<B extends DeveloperToolBuilder<B>> extends CredentialBuilder<B> {

    /** The default time one run of any of the tools may take. */
    static final Duration DEFAULT_PROCESS_TIMEOUT = Duration.ofSeconds(20);
    /** A tool that has not answered within an hour is hung; longer values also overflow the runner's millisecond wait. */
    private static final Duration MAX_TIMEOUT = Duration.ofHours(1);

    private boolean chainMember;
    /** The tenant as set (validated by {@code build()}), or {@code null}. */
    String tenantId;
    private Duration processTimeout = DEFAULT_PROCESS_TIMEOUT;
    private ProcessRunner runner = ProcessRunner.system();
    private ZoneId localZone = ZoneId.systemDefault();
    private String osName = System.getProperty("os.name", "Linux");

    DeveloperToolBuilder() {
    }

    /**
     * Sets the tenant to get tokens from, a tenant id or domain; unset, a developer tool uses the
     * tenant it is signed in to. {@link DefaultAzureCredential} also hands it to workload identity,
     * and defaults it to {@code AZURE_TENANT_ID}.
     *
     * @param tenantId a tenant id or domain
     * @return this builder
     */
    public final B tenantId(String tenantId) {
        this.tenantId = tenantId;
        return self();
    }

    /**
     * Sets the most time one run of a developer tool may take (default 20 s); a run still going
     * then is stopped, with the processes it started.
     *
     * @param timeout a positive duration
     * @return this builder
     */
    public final B processTimeout(Duration timeout) {
        this.processTimeout = Objects.requireNonNull(timeout, "processTimeout");
        return self();
    }

    final B processRunner(ProcessRunner runner) {
        this.runner = Objects.requireNonNull(runner, "runner");
        return self();
    }

    final B localZone(ZoneId zone) {
        this.localZone = Objects.requireNonNull(zone, "zone");
        return self();
    }

    final B osName(String osName) {
        this.osName = Objects.requireNonNull(osName, "osName");
        return self();
    }

    /**
     * Makes a tool credential's builder a member of a chain such as {@link DefaultAzureCredential}:
     * it gets the chain's options and tenant and this builder's timeout and seams, and a tool that
     * runs and fails is then unavailable, so the chain moves on (see {@link ChainMemberTokens}).
     *
     * @param tool the member's builder
     * @param chainOptions the options the chain hands to every member
     * @param tenant the chain's tenant for its tools, or {@code null} for each tool's signed-in tenant
     * @param <T> the member's builder type
     * @return the member's builder
     */
    final <T extends DeveloperToolBuilder<T>> T member(T tool, CredentialOptions chainOptions, String tenant) {
        DeveloperToolBuilder<T> member = tool.options(chainOptions).tenantId(tenant).processTimeout(processTimeout)
                .processRunner(runner).localZone(localZone).osName(osName);
        member.chainMember = true;
        return tool;
    }

    /**
     * Validates the shared settings and resolves them with the options, for {@code build()}: the
     * tokens the credential serves are its client's, translated for a chain member.
     *
     * @param credentialName the credential, for messages
     * @param client creates the tool's client from the name and the validated settings
     * @return the tokens
     * @throws IllegalArgumentException if the tenant, an allowed tenant, the timeout or a setting the client checks is invalid
     */
    final TokenCredential tokens(String credentialName, BiFunction<String, DevToolSettings, DevToolClient> client) {
        if (tenantId != null) {
            Tenants.validate(tenantId, credentialName + ": tenantId");
        }
        if (processTimeout.isNegative() || processTimeout.isZero() || processTimeout.compareTo(MAX_TIMEOUT) > 0) {
            throw new IllegalArgumentException(credentialName + ": processTimeout must be positive and at most "
                    + MAX_TIMEOUT.toMinutes() + " minutes. Set a timeout such as 20 seconds.");
        }
        CredentialSettings shared = options.settings();
        TokenCredential source = client.apply(credentialName, new DevToolSettings(runner, shared.environment(), osName,
                shared.clock(), localZone, processTimeout, tenantId,
                shared.tenantPolicy(credentialName, CredentialSettings.Variables.SHARED),
                shared.caches().newCache(credentialName))).tokens();
        return chainMember ? new ChainMemberTokens(source) : source;
    }
}
