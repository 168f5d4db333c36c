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
import dev.azid.test.gen.Coverage;
import dev.azid.test.gen.Gen;
import dev.azid.test.gen.Gens;
import dev.azid.test.gen.Property;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

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

    /** One try of the Azure CLI property. */
    record CliTry(String scope, String tenant, String configuredTenant, String subscription) {
    }

    /** One try of the azd property. */
    record AzdTry(String scope1, String scope2, boolean two, String tenant, String configuredTenant) {
    }

    /** One try of the PowerShell property. */
    record PwshTry(String scope, String tenant, String configuredTenant) {
    }

    @AfterEach
    void removeTools() throws IOException {
        try (Stream<Path> files = Files.walk(bin)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    /** Values of every kind, a share of them valid for the role so that tries get as far as the tool. */
    private static Gen<String> values(String validChars, String... valid) {
        Gen<String> allowed = Gens.strings().withChars(validChars).ofMinLength(1).ofMaxLength(16);
        return Gens.frequencyOf(
                Gens.weighted(4, Gens.strings().alpha().ofMinLength(1).ofMaxLength(3)
                        .flatMap(head -> allowed.map(tail -> head + tail))),
                Gens.weighted(2, Gens.of(valid)),
                Gens.weighted(2, Gens.of("-", "--", "-h", " -").flatMap(p -> allowed.map(s -> p + s))),
                Gens.weighted(2, Gens.strings().all().ofMaxLength(24)),
                Gens.weighted(2, Gens.of("--debug", "-h", "--help", "-x", "--scope=x", "@file", "a;b",
                        "$(id)", "a'b", "a`b", "a\nb", " -x", "-")));
    }

    private static Gen<String> scopes() {
        return values("abcXYZ019-_.:/", "https://management.azure.com/.default", "api://x/.default", "User.Read");
    }

    private static Gen<String> tenants() {
        return values("abcXYZ019-.", "contoso.com", "72f988bf-86f1-41af-91ab-2d7cd011db47").injectNull(0.4);
    }

    private static Gen<String> subscriptions() {
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

    @Test
    void azureCli_anyScopeTenantSubscription_refusedOrOnlySafeArguments() {
        Coverage coverage = new Coverage();
        Property.forAll(400, Gens.combine(scopes(), tenants(), tenants(), subscriptions()).as(CliTry::new), t -> {
            RecordingRunner runner = new RecordingRunner();
            boolean ran = attempt(runner, () -> AzureCliCredential.builder().options(CredentialOptions.builder().environment(env()).clock(NOW).additionallyAllowedTenants("*").build()).localZone(ZoneOffset.UTC).osName("Linux")
                    .processRunner(runner).tenantId(t.configuredTenant()).subscription(t.subscription())
                    .build(), () -> TokenRequestContext.of(t.scope()).withTenantId(t.tenant()));
            coverage.collect(ran ? "ran" : "refused");
            if (ran) {
                List<String> argv = runner.runs().get(0);
                assertOptions(argv.subList(1, argv.size()), Set.of("account", "get-access-token", "--output", "json"),
                        Map.of("--scope", SCOPE, "--tenant", TENANT, "--subscription", SUBSCRIPTION));
            }
        });
        // Not vacuous: a good share of tries must get as far as running the tool.
        coverage.requireAtLeast("ran", 5);
    }

    @Test
    void azd_anyScopesAndTenant_refusedOrOnlySafeArguments() {
        Coverage coverage = new Coverage();
        Property.forAll(400, Gens.combine(scopes(), scopes(), Gens.of(true, false), tenants(), tenants()).as(AzdTry::new), t -> {
            RecordingRunner runner = new RecordingRunner();
            List<String> scopes = t.two() ? List.of(t.scope1(), t.scope2()) : List.of(t.scope1());
            boolean ran = attempt(runner, () -> AzureDeveloperCliCredential.builder().options(CredentialOptions.builder().environment(env()).clock(NOW).additionallyAllowedTenants("*").build()).localZone(ZoneOffset.UTC).osName("Linux")
                    .processRunner(runner).tenantId(t.configuredTenant()).build(), () -> TokenRequestContext.builder().scopes(scopes.toArray(String[]::new))
                    .tenantId(t.tenant()).build());
            coverage.collect(ran ? "ran" : "refused");
            if (ran) {
                List<String> argv = runner.runs().get(0);
                assertOptions(argv.subList(1, argv.size()), Set.of("auth", "token", "--output", "json", "--no-prompt"),
                        Map.of("--scope", SCOPE, "--tenant-id", TENANT));
            }
        });
        // Not vacuous: a good share of tries must get as far as running the tool.
        coverage.requireAtLeast("ran", 5);
    }

    @Test
    void powerShell_anyScopeAndTenant_refusedOrScriptHoldsOnlySafeLiterals() {
        Coverage coverage = new Coverage();
        Property.forAll(400, Gens.combine(scopes(), tenants(), tenants()).as(PwshTry::new), t -> {
            RecordingRunner runner = new RecordingRunner();
            boolean ran = attempt(runner, () -> AzurePowerShellCredential.builder().options(CredentialOptions.builder().environment(env()).clock(NOW).additionallyAllowedTenants("*").build()).localZone(ZoneOffset.UTC).osName("Linux")
                    .processRunner(runner).tenantId(t.configuredTenant()).build(),
                    () -> TokenRequestContext.of(t.scope()).withTenantId(t.tenant()));
            coverage.collect(ran ? "ran" : "refused");
            if (ran) {
                List<String> argv = runner.runs().get(0);
                assertThat(argv.subList(1, 4)).containsExactly("-NoProfile", "-NonInteractive", "-EncodedCommand");
                assertThat(argv).hasSize(5);
                assertThat(argv.get(4)).matches("[A-Za-z0-9+/]+=*");
                String script = new String(Base64.getDecoder().decode(argv.get(4)), StandardCharsets.UTF_16LE);
                Matcher resource = Pattern.compile("ResourceUrl = '([^']*)'; WarningAction").matcher(script);
                assertThat(resource.find()).isTrue();
                assertThat(resource.group(1)).matches(SCOPE).doesNotStartWith("-");
                Matcher tenant = Pattern.compile("\\$p\\['TenantId'\\] = '([^']*)'\n").matcher(script);
                if (tenant.find()) {
                    assertThat(tenant.group(1)).matches(TENANT).doesNotStartWith("-");
                }
                assertThat(script.chars().filter(c -> c == '\'').count() % 2).as("quotes balanced").isZero();
            }
        });
        // Not vacuous: a good share of tries must get as far as running the tool.
        coverage.requireAtLeast("ran", 5);
    }
}
