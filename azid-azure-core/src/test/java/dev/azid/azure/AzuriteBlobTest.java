package dev.azid.azure;

import dev.azid.CredentialOptions;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.azure.core.http.HttpClient;
import com.azure.core.http.jdk.httpclient.JdkHttpClientBuilder;
import com.azure.core.util.BinaryData;
import com.azure.storage.blob.BlobClient;
import com.azure.storage.blob.BlobContainerClient;
import com.azure.storage.blob.BlobServiceClient;
import com.azure.storage.blob.BlobServiceClientBuilder;
import com.azure.storage.blob.models.BlobStorageException;
import dev.azid.ClientSecretCredential;
import dev.azid.TokenRequestContext;
import dev.azid.emulator.AzidEmulator;
import dev.azid.emulator.EmulatorConfig;
import dev.azid.emulator.EntraEmulator;
import dev.azid.http.HttpTransport;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Azure SDK's real {@code BlobServiceClient} against a real Azurite (HTTPS, OAuth on), authenticated by an
 * azid credential whose tokens come from the emulator. Azurite checks each token's issuer, audience and lifetime.
 */
@AzidEmulator
class AzuriteBlobTest {

    @TempDir
    static Path work;
    private static Azurite azurite;

    @BeforeAll
    static void startAzurite() throws Exception {
        azurite = Azurite.start(work);
    }

    @AfterAll
    static void stopAzurite() {
        if (azurite != null) {
            azurite.close();
        }
    }

    private static ClientSecretCredential azid(EntraEmulator e) {
        return ClientSecretCredential.builder().tenantId(EmulatorConfig.DEFAULT_TENANT_ID)
                .clientId(EmulatorConfig.DEFAULT_CLIENT_ID).clientSecret(EmulatorConfig.DEFAULT_CLIENT_SECRET)
                .options(CredentialOptions.builder().authorityHost(e.authorityHost().toString()).httpTransport(HttpTransport.builder().sslContext(e.sslContext()).build()).build()).build();
    }

    private static BlobServiceClient blobService(com.azure.core.credential.TokenCredential credential) {
        HttpClient http = new JdkHttpClientBuilder(java.net.http.HttpClient.newBuilder().sslContext(azurite.sslContext()))
                .build();
        return new BlobServiceClientBuilder().endpoint(azurite.blobEndpoint()).credential(credential).httpClient(http)
                .buildClient();
    }

    @Test
    void containerUploadDownload_withOneTokenRequest(EntraEmulator e) {
        e.requestLog().clear();
        BlobServiceClient service = blobService(AzureCoreCredential.of(azid(e)));

        BlobContainerClient container = service.createBlobContainer("azid-it");
        BlobClient blob = container.getBlobClient("greeting.txt");
        blob.upload(BinaryData.fromString("hello from azid"), true);

        assertThat(blob.downloadContent().toString()).isEqualTo("hello from azid");
        assertThat(container.listBlobs().stream().map(b -> b.getName())).containsExactly("greeting.txt");
        assertThat(e.requestLog().count("/oauth2/v2.0/token")).isEqualTo(1);
        assertThat(e.requestLog().matching("/oauth2/v2.0/token").get(0).form()).containsEntry("scope", "https://storage.azure.com/.default");
    }

    @Test
    void azuriteRefusesTokenForAnotherAudience(EntraEmulator e) {
        ClientSecretCredential azid = azid(e);
        // Storage (and Azurite) answer 403 AuthenticationFailed, not 401, for a token they refuse.
        // A token minted for ARM: genuine, unexpired and from the right issuer, but not for Storage.
        AzureCoreCredential wrongAudience = AzureCoreCredential.of(
                ctx -> azid.getToken(TokenRequestContext.of("https://management.azure.com/.default")));
        BlobServiceClient service = blobService(wrongAudience);

        assertThatThrownBy(() -> service.createBlobContainer("azid-refused"))
                .isInstanceOf(BlobStorageException.class)
                .satisfies(t -> assertThat(((BlobStorageException) t).getStatusCode()).isEqualTo(403))
                .hasMessageContaining("AuthenticationFailed").hasMessageContaining("audience");
    }
}
