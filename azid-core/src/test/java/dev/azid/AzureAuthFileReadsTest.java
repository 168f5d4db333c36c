package dev.azid;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.azid.test.HostileFiles;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * SDK auth files (JSON and properties) that are pipes, devices, directories, links or over 1 MiB:
 * refused by {@link AzureAuthFile#fromPath} with an {@link IllegalArgumentException} naming the path,
 * in bounded time.
 */
@Timeout(value = 30, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class AzureAuthFileReadsTest {

    private static final int CAP = 1024 * 1024;
    private static final byte[] JSON = "{\"clientId\":\"c1\",\"clientSecret\":\"s\",\"tenantId\":\"t1\"}"
            .getBytes(StandardCharsets.US_ASCII);
    private static final byte[] PROPERTIES = "client=c2\nkey=s\ntenant=t2\n".getBytes(StandardCharsets.US_ASCII);

    @TempDir
    Path dir;

    @BeforeEach
    void unixOnly() {
        HostileFiles.assumeUnix();
    }

    private static void assertRefused(Path path, String problem) {
        assertThatThrownBy(() -> AzureAuthFile.fromPath(path)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("AzureAuthFile: " + path + " " + problem);
    }

    private Path privateFile(Path p) throws Exception {
        Files.setPosixFilePermissions(p, PosixFilePermissions.fromString("rw-------"));
        return p;
    }

    @Test
    void fromPath_pipe_isRefusedAsNotRegular_insteadOfBlocking() throws Exception {
        Path fifo = HostileFiles.fifo(dir.resolve("sp.json"));
        assertRefused(fifo, "is not a regular file (it is a named pipe, device or socket); SDK auth files must be regular "
                + "files. Point it at the file written by 'az ad sp create-for-rbac --sdk-auth'.");
    }

    @Test
    void fromPath_devicesAndDirectory_areRefusedAsNotRegular() {
        for (Path p : List.of(HostileFiles.DEV_ZERO, HostileFiles.DEV_URANDOM)) {
            assertRefused(p, "is not a regular file");
        }
        assertRefused(dir, "is not a regular file (it is a directory)");
    }

    @Test
    void fromPath_linkToRegularFile_isFollowed_linkToPipeOrDevice_isRefused() throws Exception {
        Path real = privateFile(Files.write(dir.resolve("real.json"), JSON));
        assertThat(AzureAuthFile.fromPath(HostileFiles.link(dir.resolve("link.json"), real)).clientId()).isEqualTo("c1");
        Path toFifo = HostileFiles.link(dir.resolve("fifo-link"), HostileFiles.fifo(dir.resolve("pipe")));
        assertRefused(toFifo, "is not a regular file");
        Path toZero = HostileFiles.link(dir.resolve("zero-link"), HostileFiles.DEV_ZERO);
        assertRefused(toZero, "is not a regular file");
    }

    @Test
    void fromPath_sparseFileOfGigabytes_isRefusedNamingTheCap() throws Exception {
        Path huge = HostileFiles.sparse(dir.resolve("sp.json"), 3L << 30);
        assertRefused(huge, "is larger than 1 MiB, the limit for SDK auth files");
    }

    @Test
    void fromPath_jsonAndPropertiesExactlyAtTheCap_areRead_oneByteOver_isRefused() throws Exception {
        Path json = privateFile(HostileFiles.padded(dir.resolve("at.json"), JSON, (byte) ' ', CAP));
        assertThat(AzureAuthFile.fromPath(json).tenantId()).isEqualTo("t1");
        Path props = privateFile(HostileFiles.padded(dir.resolve("at.azureauth"), PROPERTIES, (byte) '\n', CAP));
        assertThat(AzureAuthFile.fromPath(props).tenantId()).isEqualTo("t2");
        Path overJson = HostileFiles.padded(dir.resolve("over.json"), JSON, (byte) ' ', CAP + 1);
        assertRefused(overJson, "is larger than 1 MiB");
        Path overProps = HostileFiles.padded(dir.resolve("over.azureauth"), PROPERTIES, (byte) '\n', CAP + 1);
        assertRefused(overProps, "is larger than 1 MiB");
    }
}
