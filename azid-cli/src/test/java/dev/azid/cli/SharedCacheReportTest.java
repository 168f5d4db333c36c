package dev.azid.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.azid.FileSharedTokenStore;
import dev.azid.SharedCacheStatus;
import dev.azid.SharedCacheStatus.Entry;
import dev.azid.SharedTokenCache;
import dev.azid.SharedTokenStore.LeaseHolder;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The doctor's lines for the shared cache: a store failure once, in the head; entries and leases per credential. */
class SharedCacheReportTest {

    private static final Instant EXPIRES = Instant.parse("2030-01-01T10:00:00Z");
    private static final Optional<String> DOWN = Optional.of("IOException: connection refused");

    private static SharedCacheStatus status(Optional<String> notShared, Optional<String> failure, Entry entry,
            Optional<LeaseHolder> holder) {
        return new SharedCacheStatus("RedisTokenStore[redis://cache:6379/0, prefix=azid:]", true, notShared, failure, entry,
                entry == Entry.FRESH ? Optional.of(EXPIRES) : Optional.empty(), holder);
    }

    @Test
    void line_storeFailureShownInTheHead_isNotRepeated() {
        SharedCacheStatus shared = status(Optional.empty(), DOWN, Entry.NOT_LOOKED_UP, Optional.empty());
        SharedCacheStatus unshared = status(Optional.of("a developer tool's tokens are never shared"), DOWN,
                Entry.NOT_LOOKED_UP, Optional.empty());
        List<SharedCacheStatus> all = List.of(shared, unshared);

        assertThat(SharedCacheReport.line(shared, all)).isEqualTo("the store failed (see above)");
        assertThat(SharedCacheReport.line(unshared, all)).isEqualTo("not shared: a developer tool's tokens are never shared");
        assertThat(SharedCacheReport.storeLine(SharedTokenCache.builder()
                .store(FileSharedTokenStore.builder().directory(Path.of("/tmp/t")).build())
                .allowUnencryptedStorage(true).build(), all))
                .isEqualTo("Shared cache: FileSharedTokenStore[/tmp/t], clear text, unreachable (IOException: connection refused)");
    }

    @Test
    void line_leaseHeldOrLeaseQueryFailed_showsTheEntryAndTheHolder() {
        LeaseHolder holder = new LeaseHolder("pid 4242 on web-7", EXPIRES.minusSeconds(3600));
        SharedCacheStatus held = status(Optional.empty(), Optional.empty(), Entry.FRESH, Optional.of(holder));
        Optional<String> leaseFailed = Optional.of("asking for the lease holder: IOException: timeout");
        SharedCacheStatus partly = status(Optional.empty(), leaseFailed, Entry.FRESH, Optional.empty());

        assertThat(SharedCacheReport.line(held, List.of(held))).isEqualTo("entry fresh, token expires " + EXPIRES
                + "; lease held by pid 4242 on web-7 until 2030-01-01T09:00:00Z");
        assertThat(SharedCacheReport.line(partly, List.of(partly))).isEqualTo("entry fresh, token expires " + EXPIRES
                + "; no lease held; the store failed (see above)");
        assertThat(SharedCacheReport.json(held)).containsEntry("entry", "fresh").containsEntry("expiresAt", EXPIRES.toString())
                .containsEntry("notShared", null).containsEntry("leaseHolder",
                        Map.of("description", "pid 4242 on web-7", "expiresAt", "2030-01-01T09:00:00Z"));
    }
}
