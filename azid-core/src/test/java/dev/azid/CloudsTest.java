package dev.azid;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.azid.test.ScriptedTransport;
import java.net.URI;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

/** The named clouds against protocols.md table B7, cloud selection, and metadata discovery. */
class CloudsTest {

    static Stream<Arguments> table() {
        return Stream.of(
                Arguments.of(AzureCloud.AZURE_PUBLIC_CLOUD, "AzureCloud", "https://login.microsoftonline.com",
                        "https://management.azure.com/", "https://management.core.windows.net/",
                        "https://management.core.windows.net:8443/", "https://batch.core.windows.net/", "https://gallery.azure.com/",
                        "https://graph.windows.net/", "https://graph.microsoft.com/", "core.windows.net", ".vault.azure.net",
                        ".database.windows.net", "azuredatalakestore.net", "azuredatalakeanalytics.net"),
                Arguments.of(AzureCloud.AZURE_CHINA_CLOUD, "AzureChinaCloud", "https://login.chinacloudapi.cn",
                        "https://management.chinacloudapi.cn/", "https://management.core.chinacloudapi.cn/",
                        "https://management.core.chinacloudapi.cn:8443/", "https://batch.chinacloudapi.cn/",
                        "https://gallery.chinacloudapi.cn/", "https://graph.chinacloudapi.cn/",
                        "https://microsoftgraph.chinacloudapi.cn/", "core.chinacloudapi.cn", ".vault.azure.cn",
                        ".database.chinacloudapi.cn", null, null),
                Arguments.of(AzureCloud.AZURE_US_GOVERNMENT, "AzureUSGovernment", "https://login.microsoftonline.us",
                        "https://management.usgovcloudapi.net/", "https://management.core.usgovcloudapi.net/",
                        "https://management.core.usgovcloudapi.net:8443/", "https://batch.core.usgovcloudapi.net/",
                        "https://gallery.usgovcloudapi.net/", "https://graph.windows.net/", "https://graph.microsoft.us/",
                        "core.usgovcloudapi.net", ".vault.usgovcloudapi.net", ".database.usgovcloudapi.net", null, null),
                Arguments.of(AzureCloud.AZURE_GERMAN_CLOUD, "AzureGermanCloud", "https://login.microsoftonline.de",
                        "https://management.microsoftazure.de/", "https://management.core.cloudapi.de/",
                        "https://management.core.cloudapi.de:8443/", "https://batch.cloudapi.de/", "https://gallery.cloudapi.de/",
                        "https://graph.cloudapi.de/", "https://graph.microsoft.de", "core.cloudapi.de",
                        ".vault.microsoftazure.de", ".database.cloudapi.de", null, null));
    }

    @ParameterizedTest(name = "{1}")
    @MethodSource("table")
    void namedCloud_matchesProtocolTable(AzureCloud c, String name, String ad, String rm, String adResource, String sql,
            String batch, String gallery, String adGraph, String msGraph, String storage, String kv, String sqlHost,
            String dls, String dla) {
        assertThat(c.name()).isEqualTo(name);
        assertThat(c.authorityHost()).hasToString(ad);
        assertThat(c.resourceManagerEndpoint()).hasToString(rm);
        assertThat(c.resourceManagerAudience()).isEqualTo(adResource);
        assertThat(c.endpoints().management()).isEqualTo(adResource);
        assertThat(c.endpoints().sqlManagement()).isEqualTo(sql);
        assertThat(c.endpoints().batchResourceId()).isEqualTo(batch);
        assertThat(c.endpoints().gallery()).isEqualTo(gallery);
        assertThat(c.endpoints().activeDirectoryGraphResourceId()).isEqualTo(adGraph);
        assertThat(c.endpoints().microsoftGraphResourceId()).isEqualTo(msGraph);
        assertThat(c.suffixes().storage()).isEqualTo(storage);
        assertThat(c.suffixes().keyVaultDns()).isEqualTo(kv);
        assertThat(c.suffixes().sqlServerHostname()).isEqualTo(sqlHost);
        assertThat(c.suffixes().dataLakeStoreFileSystem()).isEqualTo(dls);
        assertThat(c.suffixes().dataLakeAnalyticsCatalogAndJob()).isEqualTo(dla);
        assertThat(c.isAdfs()).isFalse();
        assertThat(AzureCloud.fromName(name.toUpperCase())).contains(c);
    }

    @Test
    void fromEnvironment_precedence() {
        CloudDiscovery never = CloudDiscovery.builder().httpTransport(ScriptedTransport.failing()).build();
        assertThat(AzureCloud.fromEnvironment(Environment.of(Map.of()), never)).isEqualTo(AzureCloud.AZURE_PUBLIC_CLOUD);
        assertThat(AzureCloud.fromEnvironment(Environment.of(Map.of("AZURE_CLOUD", "azurechinacloud")), never))
                .isEqualTo(AzureCloud.AZURE_CHINA_CLOUD);
        assertThatThrownBy(() -> AzureCloud.fromEnvironment(Environment.of(Map.of("AZURE_CLOUD", "Mars")), never))
                .hasMessageContaining("AZURE_CLOUD is 'Mars'").hasMessageContaining("AzureUSGovernment");
        ScriptedTransport t = new ScriptedTransport().thenJson(200, METADATA_2022);
        CloudDiscovery discovery = CloudDiscovery.builder().httpTransport(t).build();
        AzureCloud c = AzureCloud.fromEnvironment(Environment.of(Map.of("ARM_CLOUD_METADATA_URL",
                "https://management.stack.local/", "AZURE_CLOUD", "AzureStack")), discovery);
        assertThat(c.name()).isEqualTo("AzureStack");
    }

    static final String METADATA_2022 = """
            [{"name":"AzureCloud","resourceManager":"https://management.azure.com/","authentication":
              {"loginEndpoint":"https://login.microsoftonline.com/","audiences":["https://management.core.windows.net/"]}},
             {"name":"AzureStack","portal":"https://portal.stack.local/","resourceManager":"https://management.stack.local/",
              "graph":"https://graph.stack.local/","microsoftGraphResourceId":"https://msgraph.stack.local/",
              "sqlManagement":"https://sql.stack.local:8443/","batch":"https://batch.stack.local/",
              "authentication":{"loginEndpoint":"https://login.stack.local/","audiences":["https://management.stack.local/x"],
                "tenant":"common","identityProvider":"AAD"},
              "suffixes":{"storage":"stack.local","keyVaultDns":".vault.stack.local","acrLoginServer":".azurecr.stack.local"},
              "unknownKey":{"nested":[1,2,3]}}]""";

    @Test
    void discover_2022Array_picksByNameOrResourceManagerAndCaches() {
        ScriptedTransport t = new ScriptedTransport().always(r -> ScriptedTransport.json(200, METADATA_2022, Map.of()));
        CloudDiscovery d = CloudDiscovery.builder().httpTransport(t).build();
        AzureCloud stack = d.discover(URI.create("https://management.stack.local"));
        assertThat(stack.name()).isEqualTo("AzureStack");
        assertThat(stack.authorityHost()).hasToString("https://login.stack.local");
        assertThat(stack.resourceManagerAudience()).isEqualTo("https://management.stack.local/x/");
        assertThat(stack.suffixes().keyVaultDns()).isEqualTo(".vault.stack.local");
        assertThat(stack.endpoints().microsoftGraphResourceId()).isEqualTo("https://msgraph.stack.local/");
        assertThat(t.requests().get(0).uri()).hasToString("https://management.stack.local/metadata/endpoints?api-version=2022-09-01");
        d.discover(URI.create("https://management.stack.local/"));
        assertThat(t.calls()).as("cached").isEqualTo(1);
        assertThat(d.discover(URI.create("https://management.stack.local/"), "AzureCloud").authorityHost())
                .hasToString("https://login.microsoftonline.com");
    }

    @Test
    void discover_old2015Object_afterVersionRefused_andAdfs() {
        ScriptedTransport t = new ScriptedTransport().thenJson(400, "{\"error\":{\"code\":\"InvalidApiVersion\"}}")
                .thenJson(200, """
                        {"galleryEndpoint":"https://gallery.stack.local/","graphEndpoint":"https://graph.stack.local/",
                         "portalEndpoint":"https://portal.stack.local/","authentication":{
                         "loginEndpoint":"https://adfs.stack.local/adfs/","audiences":["https://management.adfs.stack.local/abc"]}}""");
        AzureCloud c = CloudDiscovery.builder().httpTransport(t).build().discover(URI.create("https://management.stack.local/"));
        assertThat(c.isAdfs()).isTrue();
        assertThat(c.authorityHost()).hasToString("https://adfs.stack.local");
        assertThat(c.endpoints().gallery()).isEqualTo("https://gallery.stack.local/");
        assertThat(t.requests().get(1).uri().getQuery()).isEqualTo("api-version=2015-01-01");
    }

    @Test
    void discover_nonAzureAnswers_failClearly() {
        for (String body : new String[] {"<html>hello</html>", "{\"hello\":\"world\"}", "[]", "[{\"name\":\"x\"}]",
                "{\"authentication\":{\"loginEndpoint\":\"https://l\",\"audiences\":[]}}", "42"}) {
            ScriptedTransport t = new ScriptedTransport().always(r -> ScriptedTransport.json(200, body, Map.of()));
            assertThatThrownBy(() -> CloudDiscovery.builder().httpTransport(t).build()
                    .discover(URI.create("https://example.com/")))
                    .isInstanceOf(CloudDiscoveryException.class)
                    .hasMessageStartingWith("CloudDiscovery: GET https://example.com/metadata/endpoints")
                    .hasMessageContaining("Azure Resource Manager endpoint");
        }
        ScriptedTransport notFound = new ScriptedTransport().always(r -> ScriptedTransport.json(404, "{}", Map.of()));
        assertThatThrownBy(() -> CloudDiscovery.builder().httpTransport(notFound).build()
                .discover(URI.create("https://example.com/"))).hasMessageContaining("HTTP 404");
        assertThatThrownBy(() -> CloudDiscovery.builder().build().discover(URI.create("http://example.com/")))
                .isInstanceOf(CloudDiscoveryException.class).hasMessageContaining("https");
    }

    @Test
    void discover_unreachable_failsNamingUrl() {
        ScriptedTransport t = new ScriptedTransport().always(r -> {
            throw new java.net.http.HttpTimeoutException("timed out");
        });
        assertThatThrownBy(() -> CloudDiscovery.builder().httpTransport(t).build()
                .discover(URI.create("https://management.stack.local/")))
                .isInstanceOf(CloudDiscoveryException.class).hasMessageContaining("management.stack.local")
                .hasMessageContaining("HttpTimeoutException");
    }

    @Test
    void parsers_randomAndTruncatedInput_throwOnlyDocumentedExceptions() {
        java.util.Random random = new java.util.Random(7);
        byte[] valid = METADATA_2022.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        java.util.List<byte[]> inputs = new java.util.ArrayList<>();
        for (int i = 0; i < 2000; i++) {
            byte[] junk = new byte[random.nextInt(300)];
            random.nextBytes(junk);
            inputs.add(junk);
        }
        for (int cut = 0; cut <= valid.length; cut++) {
            inputs.add(java.util.Arrays.copyOf(valid, cut));
        }
        for (byte[] input : inputs) {
            try {
                dev.azid.internal.cloud.MetadataParser.parse(input, URI.create("https://management.stack.local/"), null);
            } catch (IllegalStateException expected) {
                assertThat(expected.getMessage()).isNotBlank();
            }
            String text = new String(input, java.nio.charset.StandardCharsets.UTF_8);
            try {
                dev.azid.internal.cloud.AuthFileParser.parse(text);
            } catch (IllegalStateException expected) {
                assertThat(expected.getMessage()).isNotBlank();
            }
        }
    }
}
