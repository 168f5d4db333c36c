package dev.azid;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.azid.test.RecordingRunner;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Issue 11 class 3: no value that could be read as an option (or a shell or file-expansion trick)
 * reaches {@code az}, {@code azd} or {@code pwsh}. Configured values are refused at {@code build()}
 * naming the setting; per-request values (scope, tenant) at {@code getToken} with
 * {@link IllegalArgumentException}, as invalid scope characters always were; claims never reach a
 * tool. The runner records instead of starting anything, so "never invoked" is checked directly.
 */
class DevToolOptionInjectionTest {

    /** The tools' answers expire at 11:00 on this fixed clock's day. */
    private static final Clock NOW = Clock.fixed(Instant.parse("2026-11-24T10:00:00Z"), ZoneOffset.UTC);

    private static final String ARM = "https://management.azure.com/.default";

    @TempDir
    Path bin;

    private final RecordingRunner runner = new RecordingRunner();

    /** Option-like values, shell metacharacters, and the Azure CLI's {@code @file} expansion. */
    static Stream<String> hostile() {
        return Stream.of("-x", "--debug", "--help", "-h", "-", "--", "--scope=x", "-https://x/.default", "a;b", "a|b",
                "a&b", "$(id)", "`id`", "a'b", "a\"b", "a\nb", "a b", "@/etc/passwd", "a\u2019b", " --debug");
    }

    /** The same, less {@code "a b"}: subscription names may hold spaces. */
    static Stream<String> hostileSubscriptions() {
        return hostile().filter(v -> !v.equals("a b"));
    }

    /** The three developer-tool credentials, each with a tenant and extra tenants configured by the test. */
    private enum Tool {
        AZ, AZD, PWSH
    }

    static Stream<Tool> tools() {
        return Stream.of(Tool.values());
    }

    private TokenCredential build(Tool tool, String tenant, String... allowed) throws Exception {
        RecordingRunner.placeholders(bin, "az", "azd", "pwsh");
        Environment env = Environment.of(Map.of("PATH", bin.toString()));
        return switch (tool) {
            case AZ -> AzureCliCredential.builder().options(CredentialOptions.builder().environment(env).clock(NOW).additionallyAllowedTenants(allowed).build()).localZone(ZoneOffset.UTC).osName("Linux").processRunner(runner)
                    .tenantId(tenant).build();
            case AZD -> AzureDeveloperCliCredential.builder().options(CredentialOptions.builder().environment(env).clock(NOW).additionallyAllowedTenants(allowed).build()).localZone(ZoneOffset.UTC).osName("Linux").processRunner(runner)
                    .tenantId(tenant).build();
            case PWSH -> AzurePowerShellCredential.builder().options(CredentialOptions.builder().environment(env).clock(NOW).additionallyAllowedTenants(allowed).build()).localZone(ZoneOffset.UTC).osName("Linux").processRunner(runner)
                    .tenantId(tenant).build();
        };
    }

    private void assertRefusedBeforeRunning(Tool tool, TokenRequestContext request, String mentioned) throws Exception {
        TokenCredential c = build(tool, null);
        assertThatThrownBy(() -> c.getToken(request)).as("%s, %s", tool, request)
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining(mentioned);
        TokenCredential pinned = build(tool, "contoso.com", "*");
        assertThatThrownBy(() -> pinned.getToken(request)).as("%s with a configured tenant, %s", tool, request)
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining(mentioned);
        assertThat(runner.runs()).as("no tool may run").isEmpty();
    }

    @ParameterizedTest
    @MethodSource("hostile")
    void getToken_hostileScope_refusedBeforeAnyToolRuns(String scope) throws Exception {
        for (Tool tool : Tool.values()) {
            assertRefusedBeforeRunning(tool, TokenRequestContext.of(scope), "scope");
        }
        // azd takes several scopes: a hostile one after a valid one is refused just the same.
        assertRefusedBeforeRunning(Tool.AZD, TokenRequestContext.builder().scopes(ARM, scope).build(), "scope");
    }

    @ParameterizedTest
    @MethodSource("hostile")
    void getToken_hostileRequestedTenant_refusedBeforeAnyToolRuns(String tenant) throws Exception {
        for (Tool tool : Tool.values()) {
            assertRefusedBeforeRunning(tool, TokenRequestContext.of(ARM).withTenantId(tenant), "requested tenant");
        }
    }

    @ParameterizedTest
    @MethodSource("hostile")
    void build_hostileTenantOrAllowedTenant_refusedNamingTheSetting(String value) throws Exception {
        for (Tool tool : Tool.values()) {
            assertThatThrownBy(() -> build(tool, value)).as("%s tenantId", tool)
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("tenantId");
            assertThatThrownBy(() -> build(tool, "contoso.com", "fabrikam.com", value)).as("%s allowed tenants", tool)
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("additionallyAllowedTenants");
        }
        assertThatThrownBy(() -> DefaultAzureCredential.builder().options(CredentialOptions.builder().environment(Environment.of(Map.of("PATH", "/nonexistent"))).build())
                .tenantId(value).build()).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("tenant");
        assertThat(runner.runs()).isEmpty();
    }

    @ParameterizedTest
    @MethodSource("hostileSubscriptions")
    void build_hostileSubscription_refusedNamingTheSetting(String subscription) throws Exception {
        RecordingRunner.placeholders(bin, "az");
        assertThatThrownBy(() -> AzureCliCredential.builder().options(CredentialOptions.builder().environment(Environment.of(Map.of("PATH", bin.toString()))).build())
                .processRunner(runner).subscription(subscription).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("subscription");
        assertThat(runner.runs()).isEmpty();
    }

    @Test
    void build_blankOrPaddedSubscription_refused() {
        for (String s : List.of("", "   ", " My Sub", "My Sub ")) {
            assertThatThrownBy(() -> AzureCliCredential.builder().subscription(s).build()).as("'%s'", s)
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("subscription");
        }
    }

    @Test
    void build_processTimeoutZeroOrOverAnHour_refusedNamingTheSetting() {
        // Not a tool argument, but a configured value: Duration.ofSeconds(Long.MAX_VALUE) used to fail at getToken.
        for (Duration d : List.of(Duration.ZERO, Duration.ofHours(1).plusNanos(1), Duration.ofSeconds(Long.MAX_VALUE))) {
            assertThatThrownBy(() -> AzureCliCredential.builder().processTimeout(d).build())
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("processTimeout");
            assertThatThrownBy(() -> AzureDeveloperCliCredential.builder().processTimeout(d).build())
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("processTimeout");
            assertThatThrownBy(() -> AzurePowerShellCredential.builder().processTimeout(d).build())
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("processTimeout");
        }
        assertThat(AzureCliCredential.builder().processTimeout(Duration.ofHours(1)).build()).isNotNull();
    }

    @ParameterizedTest
    @MethodSource("tools")
    void getToken_optionLikeClaims_neverReachTheTool(Tool tool) throws Exception {
        TokenCredential c = build(tool, null);
        for (String claims : List.of("--debug", "-h", "{\"access_token\":{\"nbf\":{\"essential\":true}}}")) {
            assertThatThrownBy(() -> c.getToken(TokenRequestContext.builder().scopes(ARM).claims(claims).build()))
                    .isInstanceOf(CredentialUnavailableException.class);
        }
        assertThat(runner.runs()).isEmpty();
    }

    @Test
    void getToken_validValues_attachedToTheirOptionsWithEquals() throws Exception {
        RecordingRunner.placeholders(bin, "az", "azd");
        Environment env = Environment.of(Map.of("PATH", bin.toString()));
        AzureCliCredential.builder().options(CredentialOptions.builder().environment(env).clock(NOW).build()).localZone(ZoneOffset.UTC).osName("Linux").processRunner(runner).tenantId("contoso.com")
                .subscription("My Sub-1").build().getToken(TokenRequestContext.of(ARM));
        AzureDeveloperCliCredential.builder().options(CredentialOptions.builder().environment(env).clock(NOW).build()).localZone(ZoneOffset.UTC).osName("Linux").processRunner(runner).build()
                .getToken(TokenRequestContext.builder().scopes(ARM, "api://x/.default").tenantId("fabrikam.com").build());
        Function<Integer, List<String>> args = i -> runner.runs().get(i).subList(1, runner.runs().get(i).size());
        assertThat(args.apply(0)).containsExactly("account", "get-access-token", "--output", "json", "--scope=" + ARM,
                "--tenant=contoso.com", "--subscription=My Sub-1");
        assertThat(args.apply(1)).containsExactly("auth", "token", "--output", "json", "--no-prompt", "--scope=" + ARM,
                "--scope=api://x/.default", "--tenant-id=fabrikam.com");
    }

    @Test
    void getToken_powerShellScopeNamingNoResource_refusedBeforeRunning() throws Exception {
        TokenCredential c = build(Tool.PWSH, null);
        assertThatThrownBy(() -> c.getToken(TokenRequestContext.of("/.default")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("names no resource");
        assertThat(runner.runs()).isEmpty();
    }
}
