package dev.azid;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.azid.test.RecordingSleeper;
import dev.azid.test.ScriptedTransport;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the tests of endpoints that echo secrets share, beyond {@link CredentialFixture}: the planted secret,
 * a scripted transport with recorded sleeps, a directory, and the failure of one token request.
 */
abstract class SecretEchoFixture extends CredentialFixture {

    /** A secret the server plants, never configured: masked by shape only. */
    static final String PLANTED = "Pl4nted-0paque_Secret~42";

    @TempDir
    Path dir;

    final RecordingSleeper sleeper = new RecordingSleeper(clock);
    final ScriptedTransport transport = new ScriptedTransport();

    /**
     * Asks {@code credential} for an ARM token, which must fail.
     *
     * @param credential the credential
     * @return its failure, a {@link CredentialException}
     */
    static Throwable failure(TokenCredential credential) {
        Throwable t = catchThrowable(() -> credential.getToken(TokenRequestContext.of(ARM)));
        assertThat(t).isInstanceOf(CredentialException.class);
        return t;
    }
}
