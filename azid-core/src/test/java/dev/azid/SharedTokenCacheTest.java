package dev.azid;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.azid.test.MemoryTokenStore;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

/** Building the shared cache and opting in through the options. */
class SharedTokenCacheTest {

    private static final byte[] KEY = new byte[32];

    private final MemoryTokenStore store = new MemoryTokenStore(Clock.systemUTC(), false);

    @Test
    void build_withKey_encryptsAndNeverShowsTheKey() {
        byte[] key = HexFormat.of().parseHex("00112233445566778899aabbccddeeff00112233445566778899aabbccddeeff");
        SharedTokenCache cache = SharedTokenCache.builder().store(store).encryptionKey(key).build();
        key[0] = 9;
        assertThat(cache.encrypted()).isTrue();
        assertThat(cache.store()).isSameAs(store);
        assertThat(cache.toString()).isEqualTo("SharedTokenCache[MemoryTokenStore, encrypted=true]").doesNotContain("0011");
    }

    @Test
    void build_withoutKeyOrPermission_refusesClearText() {
        assertThatThrownBy(() -> SharedTokenCache.builder().store(store).build()).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("SharedTokenCache: refusing to share tokens in clear text. Give encryptionKey(...) with 32 bytes "
                        + "from your key store, or call allowUnencryptedStorage(true).");
        assertThat(SharedTokenCache.builder().store(store).allowUnencryptedStorage(true).build().encrypted()).isFalse();
    }

    @Test
    void build_defaults_leaseOf30s_waitOf2Minutes_andTheLimitsAreAccepted() {
        assertThat(SharedTokenCache.builder().store(store).encryptionKey(KEY).build().tokens().toString())
                .contains("leaseDuration=PT30S, maxWait=PT2M");
        assertThat(SharedTokenCache.builder().store(store).encryptionKey(KEY).leaseDuration(Duration.ofSeconds(1))
                .maxWait(Duration.ZERO).build().tokens().toString()).contains("leaseDuration=PT1S, maxWait=PT0S");
        assertThat(SharedTokenCache.builder().store(store).encryptionKey(KEY).leaseDuration(Duration.ofMinutes(10))
                .maxWait(Duration.ofMinutes(10)).build().tokens().toString()).contains("leaseDuration=PT10M, maxWait=PT10M");
        assertThatThrownBy(() -> SharedTokenCache.builder().store(store).encryptionKey(KEY)
                .maxWait(Duration.ofMinutes(10).plusMillis(1)).build())
                .hasMessage("SharedTokenCache: maxWait must be from 0 to 10 minutes, not PT10M0.001S.");
    }

    @Test
    void build_invalidSettings_nameTheSetting() {
        assertThatThrownBy(() -> SharedTokenCache.builder().encryptionKey(KEY).build())
                .hasMessageStartingWith("SharedTokenCache: store is not set.");
        assertThatThrownBy(() -> SharedTokenCache.builder().store(store).encryptionKey(new byte[16]).build())
                .hasMessage("SharedTokenCache: encryptionKey must be 32 bytes (AES-256), not 16.");
        assertThatThrownBy(() -> SharedTokenCache.builder().store(store).encryptionKey(KEY)
                .leaseDuration(Duration.ofMillis(10)).build()).hasMessageStartingWith("SharedTokenCache: leaseDuration must be");
        assertThatThrownBy(() -> SharedTokenCache.builder().store(store).encryptionKey(KEY)
                .maxWait(Duration.ofSeconds(-1)).build()).hasMessageStartingWith("SharedTokenCache: maxWait must be");
    }

    @Test
    void options_sharedCache_isKeptByToBuilderAndNamedByToString() {
        SharedTokenCache cache = SharedTokenCache.builder().store(FileSharedTokenStore.builder().directory(Path.of("/tmp/x"))
                .build()).encryptionKey(KEY).build();
        CredentialOptions options = CredentialOptions.builder().sharedCache(cache).build();
        assertThat(options.sharedCache()).containsSame(cache);
        assertThat(options.toBuilder().build().sharedCache()).containsSame(cache);
        assertThat(options.toString()).contains("sharedCache=SharedTokenCache[FileSharedTokenStore[/tmp/x], encrypted=true]");
        assertThat(CredentialOptions.defaults().sharedCache()).isEmpty();
    }
}
