package dev.azid;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.azid.test.HostileFiles;
import dev.azid.test.ScriptedTransport;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Federated token files that are pipes, devices, directories, links or over 64 KiB: refused at
 * {@code getToken} as {@link AuthenticationFailedException}s naming the path, in bounded time, with
 * no request sent; a link to a regular file (how Kubernetes projects tokens) is followed.
 */
@Timeout(value = 30, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class WorkloadIdentityTokenFileReadsTest {

    private static final int CAP = 64 * 1024;

    @TempDir
    Path dir;

    private final ScriptedTransport transport = new ScriptedTransport();

    @BeforeEach
    void unixOnly() {
        HostileFiles.assumeUnix();
        transport.always(r -> ScriptedTransport.json(200, ScriptedTransport.tokenJson("tok", 600), Map.of()));
    }

    private WorkloadIdentityCredential credential(Path tokenFile) {
        return WorkloadIdentityCredential.builder().tenantId(ClientSecretCredentialTest.TENANT)
                .clientId(ClientSecretCredentialTest.CLIENT).tokenFilePath(tokenFile).options(CredentialOptions.builder().environment(Environment.of(Map.of())).httpTransport(transport).executor(Runnable::run).build()).build();
    }

    private void assertRefused(Path path, String problem) {
        assertThatThrownBy(() -> credential(path).getToken(TokenRequestContext.of(ClientSecretCredentialTest.ARM)))
                .isInstanceOf(AuthenticationFailedException.class)
                .hasMessageStartingWith("WorkloadIdentityCredential: the federated token file " + path + " " + problem);
        assertThat(transport.calls()).isZero();
    }

    private String sentAssertion() {
        String body = new String(transport.requests().get(0).body(), StandardCharsets.UTF_8);
        return ClientSecretCredentialTest.form(body).get("client_assertion");
    }

    @Test
    void getToken_tokenFileIsAPipe_isRefusedAsNotRegular_insteadOfBlocking() throws Exception {
        Path fifo = HostileFiles.fifo(dir.resolve("token"));
        assertRefused(fifo, "is not a regular file (it is a named pipe, device or socket); federated token files must be "
                + "regular files. Check AZURE_FEDERATED_TOKEN_FILE");
    }

    @Test
    void getToken_tokenFileIsADeviceOrDirectory_isRefusedAsNotRegular() {
        for (Path p : List.of(HostileFiles.DEV_ZERO, HostileFiles.DEV_URANDOM)) {
            assertRefused(p, "is not a regular file");
        }
        assertRefused(dir, "is not a regular file (it is a directory)");
    }

    @Test
    void getToken_projectedLinkToRegularFile_isFollowed_linkToPipeOrDevice_isRefused() throws Exception {
        Path data = Files.createDirectory(dir.resolve("..2026_11_24"));
        Files.writeString(data.resolve("token"), "sa-token\n");
        Path dataLink = HostileFiles.link(dir.resolve("..data"), data.getFileName());
        Path token = HostileFiles.link(dir.resolve("token"), dataLink.getFileName().resolve("token"));
        assertThat(credential(token).getToken(TokenRequestContext.of(ClientSecretCredentialTest.ARM)).token()).isEqualTo("tok");
        assertThat(sentAssertion()).isEqualTo("sa-token");
        int calls = transport.calls();
        Path toFifo = HostileFiles.link(dir.resolve("fifo-link"), HostileFiles.fifo(dir.resolve("pipe")));
        Path toZero = HostileFiles.link(dir.resolve("zero-link"), HostileFiles.DEV_ZERO);
        for (Path p : List.of(toFifo, toZero)) {
            assertThatThrownBy(() -> credential(p).getToken(TokenRequestContext.of(ClientSecretCredentialTest.ARM)))
                    .isInstanceOf(AuthenticationFailedException.class).hasMessageContaining(p + " is not a regular file");
        }
        assertThat(transport.calls()).isEqualTo(calls);
    }

    @Test
    void getToken_sparseFileOfGigabytes_isRefusedNamingTheCap() throws Exception {
        Path huge = HostileFiles.sparse(dir.resolve("token"), 2L << 30);
        assertRefused(huge, "is larger than 64 KiB, the limit for federated token files");
    }

    @Test
    void getToken_tokenExactlyAtTheCap_isSentWhole_oneByteOver_isRefusedNotTruncated() throws Exception {
        String whole = "a".repeat(CAP);
        Path at = Files.writeString(dir.resolve("at"), whole);
        credential(at).getToken(TokenRequestContext.of(ClientSecretCredentialTest.ARM));
        assertThat(sentAssertion()).isEqualTo(whole);
        ScriptedTransport none = new ScriptedTransport();
        Path over = Files.writeString(dir.resolve("over"), whole + "b");
        assertThatThrownBy(() -> WorkloadIdentityCredential.builder().tenantId(ClientSecretCredentialTest.TENANT)
                .clientId(ClientSecretCredentialTest.CLIENT).tokenFilePath(over).options(CredentialOptions.builder().environment(Environment.of(Map.of())).httpTransport(none).executor(Runnable::run).build()).build().getToken(TokenRequestContext.of(ClientSecretCredentialTest.ARM)))
                .isInstanceOf(AuthenticationFailedException.class).hasMessageContaining(over + " is larger than 64 KiB");
        assertThat(none.calls()).isZero();
    }
}
