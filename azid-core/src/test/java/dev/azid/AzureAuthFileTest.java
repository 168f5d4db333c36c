package dev.azid;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.azid.test.LogCapture;
import dev.azid.test.ScriptedTransport;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

class AzureAuthFileTest {

    private static final String SECRET = "auth-file-secret~value";

    @RegisterExtension
    final LogCapture logs = new LogCapture();

    @TempDir
    Path dir;

    private static final String SDK_AUTH = """
            {
              "clientId": "c1", "clientSecret": "%s", "subscriptionId": "s1", "tenantId": "t1",
              "activeDirectoryEndpointUrl": "https://login.microsoftonline.us",
              "resourceManagerEndpointUrl": "https://management.usgovcloudapi.net/",
              "activeDirectoryGraphResourceId": "https://graph.windows.net/",
              "sqlManagementEndpointUrl": "https://management.core.usgovcloudapi.net:8443/",
              "galleryEndpointUrl": "https://gallery.usgovcloudapi.net/",
              "managementEndpointUrl": "https://management.core.usgovcloudapi.net/",
              "somethingNew": {"ignored": true}
            }""".formatted(SECRET);

    private Path write(String name, String content) throws Exception {
        Path p = Files.writeString(dir.resolve(name), content);
        Files.setPosixFilePermissions(p, PosixFilePermissions.fromString("rw-------"));
        return p;
    }

    @Test
    void fromPath_sdkAuthJson_yieldsIdsCloudAndSecretCredential() throws Exception {
        AzureAuthFile f = AzureAuthFile.fromPath(write("sp.json", SDK_AUTH));
        assertThat(f.tenantId()).isEqualTo("t1");
        assertThat(f.clientId()).isEqualTo("c1");
        assertThat(f.subscriptionId()).contains("s1");
        assertThat(f.cloud().name()).isEqualTo("AzureUSGovernment");
        assertThat(f.toString()).doesNotContain(SECRET);
        ScriptedTransport t = new ScriptedTransport().thenJson(200, ScriptedTransport.tokenJson("tok", 3599));
        f.credential(t).getToken(TokenRequestContext.of("https://management.usgovcloudapi.net/.default"));
        assertThat(t.requests().get(0).uri()).hasToString("https://login.microsoftonline.us/t1/oauth2/v2.0/token");
        logs.assertNoSecrets(SECRET);
    }

    @Test
    void fromPath_azureauthProperties_withEscapes() throws Exception {
        AzureAuthFile f = AzureAuthFile.fromPath(write("my.azureauth", """
                # written by the Azure management libraries
                subscription=s2
                client=c2
                key=%s
                tenant=t2
                managementURI=https\\://management.core.windows.net/
                baseURL=https\\://management.example.com/
                authURL=https\\://login.private.example/
                graphURL=https\\://graph.windows.net/
                """.formatted(SECRET)));
        assertThat(f.tenantId()).isEqualTo("t2");
        assertThat(f.cloud().name()).isEqualTo("AuthFile");
        assertThat(f.cloud().authorityHost()).hasToString("https://login.private.example");
        assertThat(f.cloud().resourceManagerEndpoint()).hasToString("https://management.example.com/");
    }

    @Test
    void fromMap_inMemory_andCertificateVariant() {
        AzureAuthFile f = AzureAuthFile.fromMap(Map.of("clientId", "c", "tenantId", "t", "clientCertificate", "/x/c.pem",
                "clientCertificatePassword", "pw", "unknown", 5));
        assertThat(f.certificatePath()).contains(Path.of("/x/c.pem"));
        assertThat(f.cloud()).isEqualTo(AzureCloud.AZURE_PUBLIC_CLOUD.toBuilder().build());
        assertThat(f.credential()).isInstanceOf(ClientCertificateCredential.class);
    }

    @Test
    void missingOrWrongFields_areNamed() throws Exception {
        assertThatThrownBy(() -> AzureAuthFile.fromMap(Map.of("clientId", "c", "clientSecret", "s")))
                .hasMessageContaining("has no 'tenantId'");
        assertThatThrownBy(() -> AzureAuthFile.fromMap(Map.of("clientId", "c", "tenantId", "t")))
                .hasMessageContaining("neither 'clientSecret' nor 'clientCertificate'");
        assertThatThrownBy(() -> AzureAuthFile.fromPath(write("bad.json", "{\"clientId\": 5, \"tenantId\": \"t\"}")))
                .hasMessageContaining("'clientId' must be a string");
        assertThatThrownBy(() -> AzureAuthFile.fromPath(write("notjson.json", "{\"clientId\": ")))
                .hasMessageContaining("not valid JSON");
        assertThatThrownBy(() -> AzureAuthFile.fromPath(write("junk.txt", "hello there")))
                .hasMessageContaining("neither the JSON");
        assertThatThrownBy(() -> AzureAuthFile.fromPath(dir.resolve("missing.json"))).hasMessageContaining("cannot be read");
        assertThatThrownBy(() -> AzureAuthFile.fromEnvironment(Environment.of(Map.of())))
                .hasMessageContaining("AZURE_AUTH_LOCATION is not set");
    }

    @Test
    void hugeFile_isRefused() throws Exception {
        Path big = write("big.json", "{\"clientId\":\"" + "x".repeat(2 * 1024 * 1024) + "\"}");
        assertThatThrownBy(() -> AzureAuthFile.fromPath(big)).hasMessageContaining("larger than 1 MiB");
    }

    @Test
    void worldReadableFile_isWarnedAbout() throws Exception {
        Path p = write("sp.json", SDK_AUTH);
        Files.setPosixFilePermissions(p, PosixFilePermissions.fromString("rw-r--r--"));
        AzureAuthFile.fromEnvironment(Environment.of(Map.of("AZURE_AUTH_LOCATION", p.toString())));
        assertThat(logs.all()).contains("WARN").contains("chmod 600");
        logs.assertNoSecrets(SECRET);
    }
}
