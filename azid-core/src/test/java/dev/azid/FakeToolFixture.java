package dev.azid;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the tests of developer-tool credentials against fake executables share, beyond
 * {@link CredentialFixture}: a directory for the fakes (to put on PATH) and the token the fakes answer with.
 */
abstract class FakeToolFixture extends CredentialFixture {

    static final String TOKEN = "eyJ0eXAiOiJKV1QifQ.eyJhdWQiOiJ4In0.c2lnbmF0dXJl";

    @TempDir
    Path bin;

    /**
     * Writes an executable shell script into {@link #bin}.
     *
     * @param name the tool's file name, e.g. {@code az}
     * @param script the script's lines after {@code #!/bin/sh}
     * @throws Exception if it cannot be written
     */
    void writeTool(String name, String script) throws Exception {
        Path p = bin.resolve(name);
        Files.writeString(p, "#!/bin/sh\n" + script + "\n");
        Files.setPosixFilePermissions(p, PosixFilePermissions.fromString("rwxr-xr-x"));
    }
}
