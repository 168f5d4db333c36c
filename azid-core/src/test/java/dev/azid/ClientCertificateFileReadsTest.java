package dev.azid;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.azid.test.HostileFiles;
import dev.azid.test.ScriptedTransport;
import dev.azid.test.TestCertificates;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Certificate files (PEM and PFX) that are pipes, devices, directories, links or oversize: refused at
 * {@code getToken} as {@link AuthenticationFailedException}s naming the path, in bounded time, with
 * no request sent. (Before the bounded reader a pipe blocked forever and {@code /dev/zero} ran the
 * JVM out of memory.)
 */
@Timeout(value = 30, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class ClientCertificateFileReadsTest {

    private static final int CAP = 1024 * 1024;
    private static TestCertificates certs;

    @TempDir
    Path dir;

    private final ScriptedTransport transport = new ScriptedTransport();

    @BeforeAll
    static void generate() {
        certs = TestCertificates.valid();
    }

    @BeforeEach
    void unixOnly() {
        HostileFiles.assumeUnix();
    }

    private ClientCertificateCredential.Builder builder() {
        return ClientCertificateCredential.builder().tenantId(ClientSecretCredentialTest.TENANT)
                .clientId(ClientSecretCredentialTest.CLIENT).options(CredentialOptions.builder().httpTransport(transport).executor(Runnable::run).build());
    }

    private ClientCertificateCredential.Builder builder(ScriptedTransport over) {
        return builder().options(CredentialOptions.builder().httpTransport(over).executor(Runnable::run).build());
    }

    private byte[] pemBytes() {
        return (certs.pkcs8Pem() + certs.certificatePem()).getBytes(StandardCharsets.US_ASCII);
    }

    private void assertRefused(ClientCertificateCredential c, Path path, String problem) {
        assertThatThrownBy(() -> c.getToken(TokenRequestContext.of(ClientSecretCredentialTest.ARM)))
                .isInstanceOf(AuthenticationFailedException.class)
                .hasMessageStartingWith("ClientCertificateCredential: the certificate " + path + " ")
                .hasMessageContaining(problem);
        assertThat(transport.calls()).isZero();
    }

    @Test
    void getToken_pemOrPfxNamingAPipe_isRefusedAsNotRegular_insteadOfBlocking() throws Exception {
        Path pem = HostileFiles.fifo(dir.resolve("client.pem"));
        assertRefused(builder().pemCertificate(pem).build(), pem, "is not a regular file (it is a named pipe, device or "
                + "socket); certificate files must be regular files. Point the credential at the PEM or PFX file itself");
        Path pfx = HostileFiles.fifo(dir.resolve("client.pfx"));
        assertRefused(builder().pfxCertificate(pfx).certificatePassword("pw").build(), pfx, "is not a regular file");
    }

    @Test
    void getToken_devZeroDevUrandomOrDirectory_isRefusedAsNotRegular_insteadOfExhaustingMemory() {
        for (Path p : List.of(HostileFiles.DEV_ZERO, HostileFiles.DEV_URANDOM)) {
            assertRefused(builder().certificateFile(p).build(), p, "is not a regular file");
            assertRefused(builder().pfxCertificate(p).build(), p, "is not a regular file");
        }
        assertRefused(builder().pemCertificate(dir).build(), dir, "(it is a directory)");
    }

    @Test
    void getToken_linkToRegularPem_isFollowed_linkToPipeOrDevice_isRefused() throws Exception {
        Path real = Files.write(dir.resolve("real.pem"), pemBytes());
        transport.thenJson(200, ScriptedTransport.tokenJson("tok", 3599));
        assertThat(builder().pemCertificate(HostileFiles.link(dir.resolve("link.pem"), real)).build()
                .getToken(TokenRequestContext.of(ClientSecretCredentialTest.ARM)).token()).isEqualTo("tok");
        ScriptedTransport none = new ScriptedTransport();
        Path toFifo = HostileFiles.link(dir.resolve("fifo-link.pem"), HostileFiles.fifo(dir.resolve("pipe")));
        Path toZero = HostileFiles.link(dir.resolve("zero-link.pfx"), HostileFiles.DEV_ZERO);
        for (Path p : List.of(toFifo, toZero)) {
            assertThatThrownBy(() -> builder(none).certificateFile(p).build()
                    .getToken(TokenRequestContext.of(ClientSecretCredentialTest.ARM)))
                    .isInstanceOf(AuthenticationFailedException.class).hasMessageContaining(p + " is not a regular file");
        }
        assertThat(none.calls()).isZero();
    }

    @Test
    void getToken_sparseFileOfGigabytes_isRefusedNamingTheCap() throws Exception {
        Path huge = HostileFiles.sparse(dir.resolve("huge.pfx"), 4L << 30);
        assertRefused(builder().pfxCertificate(huge).build(), huge, "is larger than 1 MiB, the limit for certificate files");
    }

    @Test
    void getToken_pemExactlyAtTheCap_isUsed_oneByteOver_isRefused() throws Exception {
        Path at = HostileFiles.padded(dir.resolve("at.pem"), pemBytes(), (byte) '\n', CAP);
        transport.thenJson(200, ScriptedTransport.tokenJson("tok", 3599));
        assertThat(builder().pemCertificate(at).build().getToken(TokenRequestContext.of(ClientSecretCredentialTest.ARM))
                .token()).isEqualTo("tok");
        ScriptedTransport none = new ScriptedTransport();
        Path over = HostileFiles.padded(dir.resolve("over.pem"), pemBytes(), (byte) '\n', CAP + 1);
        assertThatThrownBy(() -> builder(none).pemCertificate(over).build()
                .getToken(TokenRequestContext.of(ClientSecretCredentialTest.ARM)))
                .isInstanceOf(AuthenticationFailedException.class).hasMessageContaining(over + " is larger than 1 MiB");
        assertThat(none.calls()).isZero();
    }

    @Test
    void getToken_pfxExactlyAtTheCap_isRead_oneByteOver_isRefused() throws Exception {
        Path at = HostileFiles.padded(dir.resolve("at.pfx"), certs.pfx("pw"), (byte) 0, CAP);
        transport.thenJson(200, ScriptedTransport.tokenJson("tok", 3599));
        assertThat(builder().pfxCertificate(at).certificatePassword("pw").build()
                .getToken(TokenRequestContext.of(ClientSecretCredentialTest.ARM)).token()).isEqualTo("tok");
        Path over = HostileFiles.padded(dir.resolve("over.pfx"), certs.pfx("pw"), (byte) 0, CAP + 1);
        ScriptedTransport none = new ScriptedTransport();
        assertThatThrownBy(() -> builder(none).pfxCertificate(over).certificatePassword("pw").build()
                .getToken(TokenRequestContext.of(ClientSecretCredentialTest.ARM)))
                .isInstanceOf(AuthenticationFailedException.class).hasMessageContaining(over + " is larger than 1 MiB");
    }
}
