package dev.azid.cli;

import dev.azid.CredentialOptions;
import dev.azid.AccessToken;
import dev.azid.AuthenticationFailedException;
import dev.azid.AzureCloud;
import dev.azid.CloudDiscovery;
import dev.azid.CredentialUnavailableException;
import dev.azid.DefaultAzureCredential;
import dev.azid.SharedCacheStatus;
import dev.azid.SharedTokenStore;
import dev.azid.TokenCredential;
import dev.azid.TokenRequestContext;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.UnaryOperator;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code azid doctor}: runs every credential of DefaultAzureCredential's chain, with the library's
 * own settings and order, and shows what each did, how long it took, why, and what to do. With a
 * {@code --shared-cache-...} store, the chain shares tokens through it as the application's would,
 * and each credential's entry and lease there are shown, as found before it ran. Never prints a
 * token, a key or a password.
 */
@Command(name = "doctor", mixinStandardHelpOptions = true,
        description = "Try every credential of DefaultAzureCredential and explain each outcome.")
final class DoctorCommand implements Callable<Integer> {

    @Option(names = "--scope", description = "The scope to try (default: the cloud's Azure Resource Manager scope).")
    String scope;

    @Option(names = "--output", defaultValue = "table", description = "table (default) or json.")
    String output;

    @Mixin
    CaFileOption caFile = new CaFileOption();

    @Mixin
    SharedCacheOptions sharedCache = new SharedCacheOptions();

    private final CliContext context;
    private final UnaryOperator<SharedTokenStore> stores;

    DoctorCommand(CliContext context) {
        this(context, UnaryOperator.identity());
    }

    /**
     * Creates the command with a seam for the shared store (tests).
     *
     * @param context the environment and streams
     * @param stores turns the store the options name into the one to use
     */
    DoctorCommand(CliContext context, UnaryOperator<SharedTokenStore> stores) {
        this.context = context;
        this.stores = stores;
    }

    /**
     * One credential's result.
     *
     * @param credential its name
     * @param outcome {@code token}, {@code unavailable} or {@code failed}
     * @param millis how long it took
     * @param reason what happened
     * @param fix what to do (empty for a token)
     */
    record Attempt(String credential, String outcome, long millis, String reason, String fix) {
    }

    @Override
    public Integer call() {
        if (!output.equals("table") && !output.equals("json")) {
            throw new IllegalArgumentException("--output must be table or json, not '" + output + "'");
        }
        try (SharedCacheOptions.Opened shared = sharedCache.open(context.environment(), stores)) {
            StringWriter text = new StringWriter();
            int code = run(shared, new PrintWriter(text));
            context.out().print(shared == null ? text.toString() : shared.mask(text.toString()));
            context.out().flush();
            return code;
        }
    }

    private int run(SharedCacheOptions.Opened shared, PrintWriter out) {
        var transport = caFile.transport(context);
        AzureCloud cloud = AzureCloud.fromEnvironment(context.environment(),
                CloudDiscovery.builder().httpTransport(transport).build());
        String wanted = scope != null ? scope : cloud.resourceManagerScope();
        CredentialOptions.Builder options = CredentialOptions.builder().environment(context.environment()).httpTransport(transport);
        if (shared != null) {
            options.sharedCache(shared.cache());
        }
        DefaultAzureCredential dac = DefaultAzureCredential.builder().options(options.build()).build();
        List<Attempt> attempts = new ArrayList<>();
        List<SharedCacheStatus> statuses = new ArrayList<>();
        for (int i = 0; i < dac.credentials().size(); i++) {
            // Before the attempt: what the application's processes left, not what this run stores.
            if (shared != null) {
                statuses.add(shared.cache().inspect(dac.credentials().get(i), TokenRequestContext.of(wanted)));
            }
            attempts.add(attempt(dac.kinds().get(i).credentialName(), dac.credentials().get(i), wanted));
        }
        Attempt winner = chainOutcome(attempts);
        String tenant = context.environment().get("AZURE_TENANT_ID").orElse("(each tool's default)");
        if (output.equals("json")) {
            Map<String, Object> json = new LinkedHashMap<>();
            json.put("cloud", cloud.name());
            json.put("authorityHost", cloud.authorityHost().toString());
            json.put("tenant", tenant);
            json.put("scope", wanted);
            if (shared != null) {
                json.put("sharedCacheStore", SharedCacheReport.storeJson(shared.cache(), statuses));
            }
            List<Object> list = new ArrayList<>();
            for (int i = 0; i < attempts.size(); i++) {
                Attempt a = attempts.get(i);
                Map<String, Object> one = new LinkedHashMap<>();
                one.put("credential", a.credential());
                one.put("outcome", a.outcome());
                one.put("millis", a.millis());
                one.put("reason", a.reason());
                one.put("fix", a.fix());
                if (shared != null) {
                    one.put("sharedCache", SharedCacheReport.json(statuses.get(i)));
                }
                list.add(one);
            }
            json.put("attempts", list);
            json.put("defaultAzureCredentialWouldUse", winner == null ? null : winner.credential());
            out.println(CliJson.write(json));
        } else {
            out.println("Cloud: " + cloud.name() + " (" + cloud.authorityHost() + ")    Tenant: " + tenant
                    + "    Scope: " + wanted);
            if (shared != null) {
                out.println(SharedCacheReport.storeLine(shared.cache(), statuses));
            }
            out.printf("%-28s %-12s %8s  %s%n", "Credential", "Outcome", "Time", "Reason / fix");
            for (int i = 0; i < attempts.size(); i++) {
                Attempt a = attempts.get(i);
                out.printf("%-28s %-12s %6d ms  %s%n", a.credential(), a.outcome(), a.millis(), a.reason());
                if (!a.fix().isEmpty()) {
                    out.printf("%-28s %-12s %8s  -> %s%n", "", "", "", a.fix());
                }
                if (shared != null) {
                    out.printf("%-28s %-12s %8s  shared cache: %s%n", "", "", "",
                            SharedCacheReport.line(statuses.get(i), statuses));
                }
            }
            out.println(winner == null || !winner.outcome().equals("token")
                    ? "DefaultAzureCredential would " + (winner == null ? "find no credential." : "stop at "
                            + winner.credential() + " (failed).")
                    : "DefaultAzureCredential would use " + winner.credential() + ".");
        }
        out.flush();
        if (winner != null && winner.outcome().equals("token")) {
            return AzidMain.OK;
        }
        return winner == null ? AzidMain.UNAVAILABLE : AzidMain.FAILED;
    }

    /** The chain's result: the first credential that did not say "unavailable". */
    private static Attempt chainOutcome(List<Attempt> attempts) {
        for (Attempt a : attempts) {
            if (!a.outcome().equals("unavailable")) {
                return a;
            }
        }
        return null;
    }

    private static Attempt attempt(String name, TokenCredential credential, String scope) {
        long start = System.nanoTime();
        try {
            AccessToken token = credential.getToken(TokenRequestContext.of(scope));
            return new Attempt(name, "token", elapsed(start), "got a token that expires " + token.expiresAt(), "");
        } catch (CredentialUnavailableException e) {
            return split(name, "unavailable", elapsed(start), e.getMessage());
        } catch (AuthenticationFailedException | IllegalArgumentException e) {
            return split(name, "failed", elapsed(start), e.getMessage());
        }
    }

    /** Splits "Name: what happened. What to do." into its reason and its fix. */
    static Attempt split(String name, String outcome, long millis, String message) {
        String text = message.startsWith(name + ": ") ? message.substring(name.length() + 2) : message;
        text = text.replace('\n', ' ');
        int cut = text.indexOf(". ");
        String reason = cut < 0 ? text : text.substring(0, cut + 1);
        String fix = cut < 0 ? "" : text.substring(cut + 2).trim();
        return new Attempt(name, outcome, millis, reason, fix);
    }

    private static long elapsed(long start) {
        return (System.nanoTime() - start) / 1_000_000;
    }
}
