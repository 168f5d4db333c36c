package dev.azid.cli;

import dev.azid.AzureCloud;
import dev.azid.CloudDiscovery;
import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code azid cloud list|show|discover}: the named clouds, and private clouds from ARM metadata. */
@Command(name = "cloud", mixinStandardHelpOptions = true, description = "Show Azure clouds and discover private ones.",
        subcommands = {CloudCommand.ListClouds.class, CloudCommand.Show.class, CloudCommand.Discover.class})
final class CloudCommand implements Runnable {

    @Override
    public void run() {
        throw new IllegalArgumentException("give a subcommand: list, show NAME or discover URL");
    }

    static Map<String, Object> describe(AzureCloud c) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", c.name());
        m.put("identityProvider", c.identityProvider());
        m.put("authorityHost", c.authorityHost().toString());
        m.put("resourceManager", c.resourceManagerEndpoint().toString());
        m.put("resourceManagerAudience", c.resourceManagerAudience());
        Map<String, Object> endpoints = new LinkedHashMap<>();
        AzureCloud.Endpoints e = c.endpoints();
        put(endpoints, "management", e.management());
        put(endpoints, "sqlManagement", e.sqlManagement());
        put(endpoints, "batchResourceId", e.batchResourceId());
        put(endpoints, "gallery", e.gallery());
        put(endpoints, "portal", e.portal());
        put(endpoints, "activeDirectoryGraphResourceId", e.activeDirectoryGraphResourceId());
        put(endpoints, "microsoftGraphResourceId", e.microsoftGraphResourceId());
        put(endpoints, "mediaResourceId", e.mediaResourceId());
        put(endpoints, "logAnalyticsResourceId", e.logAnalyticsResourceId());
        put(endpoints, "appInsightsResourceId", e.appInsightsResourceId());
        put(endpoints, "dataLakeResourceId", e.dataLakeResourceId());
        m.put("endpoints", endpoints);
        Map<String, Object> suffixes = new LinkedHashMap<>();
        AzureCloud.Suffixes s = c.suffixes();
        put(suffixes, "storage", s.storage());
        put(suffixes, "keyVaultDns", s.keyVaultDns());
        put(suffixes, "sqlServerHostname", s.sqlServerHostname());
        put(suffixes, "acrLoginServer", s.acrLoginServer());
        put(suffixes, "dataLakeStoreFileSystem", s.dataLakeStoreFileSystem());
        put(suffixes, "dataLakeAnalyticsCatalogAndJob", s.dataLakeAnalyticsCatalogAndJob());
        m.put("suffixes", suffixes);
        return m;
    }

    private static void put(Map<String, Object> m, String k, String v) {
        if (v != null) {
            m.put(k, v);
        }
    }

    static void print(CliContext context, List<AzureCloud> clouds, String output, boolean single) {
        if (output.equals("json")) {
            List<Object> all = new ArrayList<>();
            clouds.forEach(c -> all.add(describe(c)));
            context.out().println(CliJson.write(single ? all.get(0) : all));
        } else if (output.equals("table")) {
            if (single) {
                flatten("", describe(clouds.get(0)), context);
            } else {
                context.out().printf("%-20s %-5s %-40s %s%n", "Name", "IdP", "Authority", "Resource Manager");
                clouds.forEach(c -> context.out().printf("%-20s %-5s %-40s %s%n", c.name(), c.identityProvider(),
                        c.authorityHost(), c.resourceManagerEndpoint()));
            }
        } else {
            throw new IllegalArgumentException("--output must be json or table, not '" + output + "'");
        }
    }

    @SuppressWarnings("unchecked")
    private static void flatten(String prefix, Map<String, Object> m, CliContext context) {
        m.forEach((k, v) -> {
            if (v instanceof Map<?, ?> inner) {
                flatten(prefix + k + ".", (Map<String, Object>) inner, context);
            } else {
                context.out().printf("%-45s %s%n", prefix + k, v);
            }
        });
    }

    /** {@code azid cloud list}. */
    @Command(name = "list", mixinStandardHelpOptions = true, description = "List the named clouds.")
    static final class ListClouds implements Callable<Integer> {
        @Option(names = "--output", defaultValue = "table", description = "table (default) or json.")
        String output;

        private final CliContext context;

        ListClouds(CliContext context) {
            this.context = context;
        }

        @Override
        public Integer call() {
            print(context, AzureCloud.namedClouds(), output, false);
            return AzidMain.OK;
        }
    }

    /** {@code azid cloud show NAME}. */
    @Command(name = "show", mixinStandardHelpOptions = true, description = "Show every endpoint of a named cloud.")
    static final class Show implements Callable<Integer> {
        @Parameters(index = "0", description = "AzureCloud, AzureChinaCloud, AzureUSGovernment or AzureGermanCloud.")
        String name;

        @Option(names = "--output", defaultValue = "json", description = "json (default) or table.")
        String output;

        private final CliContext context;

        Show(CliContext context) {
            this.context = context;
        }

        @Override
        public Integer call() {
            AzureCloud c = AzureCloud.fromName(name).orElseThrow(() -> new IllegalArgumentException("no cloud is named '"
                    + name + "'; run 'azid cloud list'"));
            print(context, List.of(c), output, true);
            return AzidMain.OK;
        }
    }

    /** {@code azid cloud discover URL}. */
    @Command(name = "discover", mixinStandardHelpOptions = true,
            description = "Discover a private cloud from its ARM metadata endpoint.")
    static final class Discover implements Callable<Integer> {
        @Parameters(index = "0", description = "The ARM endpoint, e.g. https://management.local.azurestack.external/")
        URI arm;

        @Option(names = "--name", description = "The cloud's name, when the endpoint lists several.")
        String name;

        @Mixin
        CaFileOption caFile = new CaFileOption();

        @Option(names = "--output", defaultValue = "json", description = "json (default) or table.")
        String output;

        private final CliContext context;

        Discover(CliContext context) {
            this.context = context;
        }

        @Override
        public Integer call() {
            CloudDiscovery discovery = CloudDiscovery.builder()
                    .httpTransport(caFile.transport(context)).build();
            print(context, List.of(discovery.discover(arm, name)), output, true);
            return AzidMain.OK;
        }
    }
}
