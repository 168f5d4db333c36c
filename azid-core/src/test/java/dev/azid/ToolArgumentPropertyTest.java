package dev.azid;

import static org.assertj.core.api.Assertions.assertThat;

import dev.azid.test.RecordingRunner;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterProperty;
import net.jqwik.api.statistics.Statistics;

/**
 * Issue 11 class 3, for any value: with random strings as scope, requested tenant, configured tenant
 * and subscription, a developer-tool credential either refuses with {@link IllegalArgumentException}
 * before running a tool, or every argument it hands the runner is a fixed word of ours or
 * {@code --option=value} with a value that matches the option's allow-list and does not start with
 * {@code -} (for PowerShell: a base64 script whose values sit in quoted literals).
 */
class ToolArgumentPropertyTest {

    /** The tools' answers expire at 11:00 on this fixed clock's day. */
    private static final Clock NOW = Clock.fixed(Instant.parse("2026-11-24T10:00:00Z"), ZoneOffset.UTC);

    private static final Pattern SCOPE = Pattern.compile("[0-9A-Za-z_.:/-]+");
    private static final Pattern TENANT = Pattern.compile("[A-Za-z0-9.-]+");
    private static final Pattern SUBSCRIPTION = Pattern.compile("[0-9a-zA-Z_. -]+");
    private static final Pattern OPTION = Pattern.compile("(--[a-z-]+)=(.*)", Pattern.DOTALL);

    private final Path bin = tools();

    private static Path tools() {
        try {
            return RecordingRunner.placeholders(Files.createTempDirectory("azid-tools-"), "az", "azd", "pwsh");
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @AfterProperty
    void removeTools() throws IOException {
        try (Stream<Path> files = Files.walk(bin)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    /** Values of every kind, a share of them valid for the role so that tries get as far as the tool. */
    private static Arbitrary<String> values(String validChars, String... valid) {
        Arbitrary<String> allowed = Arbitraries.strings().withChars(validChars).ofMinLength(1).ofMaxLength(16);
        return Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(4, Arbitraries.strings().alpha().ofMinLength(1).ofMaxLength(3)
                        .flatMap(head -> allowed.map(tail -> head + tail))),
                net.jqwik.api.Tuple.of(2, Arbitraries.of(valid)),
                net.jqwik.api.Tuple.of(2, Arbitraries.of("-", "--", "-h", " -").flatMap(p -> allowed.map(s -> p + s))),
                net.jqwik.api.Tuple.of(2, Arbitraries.strings().all().ofMaxLength(24)),
                net.jqwik.api.Tuple.of(2, Arbitraries.of("--debug", "-h", "--help", "-x", "--scope=x", "@file", "a;b",
                        "$(id)", "a'b", "a`b", "a\nb", " -x", "-")));
    }

    @Provide
    Arbitrary<String> scopes() {
        return values("abcXYZ019-_.:/", "https://management.azure.com/.default", "api://x/.default", "User.Read");
    }

    @Provide
    Arbitrary<String> tenants() {
        return values("abcXYZ019-.", "contoso.com", "72f988bf-86f1-41af-91ab-2d7cd011db47").injectNull(0.4);
    }

    @Provide
    Arbitrary<String> subscriptions() {
        return values("abcXYZ019-_. ", "My Sub 1", "00000000-0000-0000-0000-000000000000").injectNull(0.4);
    }

    private Environment env() {
        return Environment.of(Map.of("PATH", bin.toString()));
    }

    /**
     * Builds and asks; returns whether a tool ran, after checking that a refusal was an
     * IllegalArgumentException that came before any run.
     */
    private static boolean attempt(RecordingRunner runner, Supplier<TokenCredential> build,
            Supplier<TokenRequestContext> request) {
        TokenCredential c;
        try {
            c = build.get();
        } catch (IllegalArgumentException e) {
            assertThat(runner.runs()).isEmpty();
            return false;
        }
        try {
            assertThat(c.getToken(request.get()).token()).isEqualTo(RecordingRunner.TOKEN);
        } catch (IllegalArgumentException e) {
            assertThat(runner.runs()).as("refused, so nothing may have run").isEmpty();
            return false;
        }
        assertThat(runner.runs()).hasSize(1);
        assertThat(Path.of(runner.runs().get(0).get(0))).isAbsolute();
        return true;
    }

    private static void assertOptions(List<String> args, Set<String> fixed, Map<String, Pattern> allowLists) {
        for (String arg : args) {
            if (fixed.contains(arg)) {
                continue;
            }
            Matcher m = OPTION.matcher(arg);
            assertThat(m.matches()).as("'%s' is neither a fixed word nor --option=value", arg).isTrue();
            assertThat(allowLists).as("option of %s", arg).containsKey(m.group(1));
            String value = m.group(2);
            assertThat(value).as(arg).matches(allowLists.get(m.group(1))).doesNotStartWith("-");
        }
    }

    @Property(tries = 400)
    void azureCli_anyScopeTenantSubscription_refusedOrOnlySafeArguments(@ForAll("scopes") String scope,
            @ForAll("tenants") String tenant, @ForAll("tenants") String configuredTenant,
            @ForAll("subscriptions") String subscription) {
        RecordingRunner runner = new RecordingRunner();
        boolean ran = attempt(runner, () -> AzureCliCredential.builder().environment(env()).osName("Linux").clock(NOW, ZoneOffset.UTC)
                .processRunner(runner).tenantId(configuredTenant)
                .additionallyAllowedTenants("*").subscription(subscription)
                .build(), () -> TokenRequestContext.of(scope).withTenantId(tenant));
        Statistics.label("az").collect(ran ? "ran" : "refused");
        // Not vacuous: a good share of tries must get as far as running the tool.
        Statistics.label("az").coverage(c -> c.check("ran").percentage(p -> p >= 5));
        if (ran) {
            List<String> argv = runner.runs().get(0);
            assertOptions(argv.subList(1, argv.size()), Set.of("account", "get-access-token", "--output", "json"),
                    Map.of("--scope", SCOPE, "--tenant", TENANT, "--subscription", SUBSCRIPTION));
        }
    }

    @Property(tries = 400)
    void azd_anyScopesAndTenant_refusedOrOnlySafeArguments(@ForAll("scopes") String scope1,
            @ForAll("scopes") String scope2, @ForAll boolean two, @ForAll("tenants") String tenant,
            @ForAll("tenants") String configuredTenant) {
        RecordingRunner runner = new RecordingRunner();
        List<String> scopes = two ? List.of(scope1, scope2) : List.of(scope1);
        boolean ran = attempt(runner, () -> AzureDeveloperCliCredential.builder().environment(env()).osName("Linux").clock(NOW, ZoneOffset.UTC)
                .processRunner(runner).tenantId(configuredTenant)
                .additionallyAllowedTenants("*").build(), () -> TokenRequestContext.builder().scopes(scopes.toArray(String[]::new))
                .tenantId(tenant).build());
        Statistics.label("azd").collect(ran ? "ran" : "refused");
        // Not vacuous: a good share of tries must get as far as running the tool.
        Statistics.label("azd").coverage(c -> c.check("ran").percentage(p -> p >= 5));
        if (ran) {
            List<String> argv = runner.runs().get(0);
            assertOptions(argv.subList(1, argv.size()), Set.of("auth", "token", "--output", "json", "--no-prompt"),
                    Map.of("--scope", SCOPE, "--tenant-id", TENANT));
        }
    }

    @Property(tries = 400)
    void powerShell_anyScopeAndTenant_refusedOrScriptHoldsOnlySafeLiterals(@ForAll("scopes") String scope,
            @ForAll("tenants") String tenant, @ForAll("tenants") String configuredTenant) {
        RecordingRunner runner = new RecordingRunner();
        boolean ran = attempt(runner, () -> AzurePowerShellCredential.builder().environment(env()).osName("Linux").clock(NOW, ZoneOffset.UTC)
                .processRunner(runner).tenantId(configuredTenant)
                .additionallyAllowedTenants("*").build(),
                () -> TokenRequestContext.of(scope).withTenantId(tenant));
        Statistics.label("pwsh").collect(ran ? "ran" : "refused");
        // Not vacuous: a good share of tries must get as far as running the tool.
        Statistics.label("pwsh").coverage(c -> c.check("ran").percentage(p -> p >= 5));
        if (ran) {
            List<String> argv = runner.runs().get(0);
            assertThat(argv.subList(1, 4)).containsExactly("-NoProfile", "-NonInteractive", "-EncodedCommand");
            assertThat(argv).hasSize(5);
            assertThat(argv.get(4)).matches("[A-Za-z0-9+/]+=*");
            String script = new String(Base64.getDecoder().decode(argv.get(4)), StandardCharsets.UTF_16LE);
            Matcher resource = Pattern.compile("ResourceUrl = '([^']*)'; WarningAction").matcher(script);
            assertThat(resource.find()).isTrue();
            assertThat(resource.group(1)).matches(SCOPE).doesNotStartWith("-");
            Matcher t = Pattern.compile("\\$p\\['TenantId'\\] = '([^']*)'\n").matcher(script);
            if (t.find()) {
                assertThat(t.group(1)).matches(TENANT).doesNotStartWith("-");
            }
            assertThat(script.chars().filter(c -> c == '\'').count() % 2).as("quotes balanced").isZero();
        }
    }
}
