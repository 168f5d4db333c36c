package dev.azid;

import dev.azid.test.LogCapture;
import dev.azid.test.MutableClock;
import org.junit.jupiter.api.extension.RegisterExtension;

/** What many credential tests start from: the ARM scope, the captured logs, and a clock that tests move by hand. */
abstract class CredentialFixture {

    static final String ARM = "https://management.azure.com/.default";

    @RegisterExtension
    final LogCapture logs = new LogCapture();

    final MutableClock clock = MutableClock.at("2026-11-24T10:00:00Z");
}
