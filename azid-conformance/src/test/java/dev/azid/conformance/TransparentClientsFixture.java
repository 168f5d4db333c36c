package dev.azid.conformance;

import dev.azid.emulator.EntraEmulator;
import dev.azid.test.TestCertificates;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.io.TempDir;

/**
 * A base for the tests that run another language's Azure Identity library as a child process against
 * one transparent-mode emulator ({@link TransparentClients#start}) for the whole class.
 */
abstract class TransparentClientsFixture {

    /** How long a child may take. */
    static final Duration TIMEOUT = Duration.ofSeconds(60);

    static TestCertificates certs;
    static EntraEmulator emulator;

    @TempDir
    static Path dir;

    /** Starts the emulator, from the subclass's {@code @BeforeAll} once it found what the children need. */
    static void startEmulator() {
        certs = TestCertificates.valid();
        emulator = TransparentClients.start(certs);
    }

    @AfterAll
    static void stopEmulator() {
        if (emulator != null) {
            emulator.close();
            // The field is shared by the subclasses: the next class must not find this closed one.
            emulator = null;
        }
    }
}
