package dev.azid;

import static dev.azid.ClientSecretCredentialTest.ARM;
import static dev.azid.ClientSecretCredentialTest.CLIENT;
import static dev.azid.ClientSecretCredentialTest.SECRET;
import static dev.azid.ClientSecretCredentialTest.TENANT;
import static dev.azid.ClientSecretCredentialTest.TOKEN;
import static org.assertj.core.api.Assertions.assertThat;

import dev.azid.SharedCacheStatus.Entry;
import dev.azid.test.HolderReportingStore;
import dev.azid.test.MemoryTokenStore;
import dev.azid.test.MutableClock;
import dev.azid.test.ScriptedTransport;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@link SharedTokenCache#inspect}: the entry and lease under the key a credential uses, read from a real file store. */
class SharedCacheInspectTest {

    static final String OTHER_TENANT = "0b0b0b0b-1111-2222-3333-444444444444";
    static final TokenRequestContext REQUEST = TokenRequestContext.of(ARM);

    @TempDir
    Path dir;

    private final MutableClock clock = MutableClock.at("2026-11-24T10:00:00Z");
    private final ScriptedTransport transport = new ScriptedTransport();

    private SharedTokenStore fileStore() {
        return FileSharedTokenStore.builder().directory(dir).clock(clock).build();
    }

    private static byte[] key(int fill) {
        byte[] key = new byte[32];
        Arrays.fill(key, (byte) fill);
        return key;
    }

    private SharedTokenCache cache(SharedTokenStore store, byte[] key) {
        return SharedTokenCache.builder().store(store).encryptionKey(key).build();
    }

    private ClientSecretCredential credential(SharedTokenCache cache) {
        return ClientSecretCredential.builder().tenantId(TENANT).clientId(CLIENT).clientSecret(SECRET)
                .options(CredentialOptions.builder().httpTransport(transport).executor(Runnable::run).clock(clock)
                        .additionallyAllowedTenants("*").sharedCache(cache).build()).build();
    }

    private AccessToken fetch(SharedTokenCache cache, TokenRequestContext request) {
        transport.thenJson(200, ScriptedTransport.tokenJson(TOKEN, 3600));
        return credential(cache).getToken(request);
    }

    @Test
    void inspect_afterAnotherProcessFetched_findsItsFreshEntryWithoutARequest() {
        AccessToken token = fetch(cache(fileStore(), key(1)), REQUEST);
        // Another process: its own store, cache and credential on the same directory and key.
        SharedTokenCache mine = cache(fileStore(), key(1));
        int calls = transport.calls();

        SharedCacheStatus status = mine.inspect(credential(mine), REQUEST);

        assertThat(transport.calls()).as("no token fetched").isEqualTo(calls);
        assertThat(status.shared()).isTrue();
        assertThat(status.reachable()).isTrue();
        assertThat(status.encrypted()).isTrue();
        assertThat(status.store()).isEqualTo("FileSharedTokenStore[" + dir.toAbsolutePath() + "]");
        assertThat(status.entry()).isEqualTo(Entry.FRESH);
        assertThat(status.expiresAt()).contains(token.expiresAt());
        assertThat(status.leaseHolder()).isEmpty();
        assertThat(status.toString()).isEqualTo("entry fresh, token expires " + token.expiresAt() + "; no lease held")
                .doesNotContain(TOKEN).doesNotContain(SECRET);
    }

    @Test
    void inspect_beforeAnyFetch_findsNoEntryAndMakesNoRequest() {
        SharedTokenCache cache = cache(fileStore(), key(1));
        ClientSecretCredential credential = ClientSecretCredential.builder().tenantId(TENANT).clientId(CLIENT)
                .clientSecret(SECRET).options(CredentialOptions.builder().httpTransport(ScriptedTransport.failing())
                        .clock(clock).sharedCache(cache).build()).build();

        SharedCacheStatus status = cache.inspect(credential, REQUEST);

        assertThat(status.entry()).isEqualTo(Entry.ABSENT);
        assertThat(status.expiresAt()).isEmpty();
        assertThat(status.toString()).startsWith("no entry for this credential and scope");
    }

    @Test
    void inspect_tenantAndCae_areTheCredentialsKeyParts() {
        SharedTokenCache cache = cache(fileStore(), key(1));
        fetch(cache, REQUEST.withTenantId(OTHER_TENANT));
        ClientSecretCredential credential = credential(cache);

        assertThat(cache.inspect(credential, REQUEST.withTenantId(OTHER_TENANT)).entry()).isEqualTo(Entry.FRESH);
        assertThat(cache.inspect(credential, REQUEST).entry()).as("the credential's own tenant").isEqualTo(Entry.ABSENT);
        assertThat(cache.inspect(credential, TokenRequestContext.builder().scopes(ARM).tenantId(OTHER_TENANT)
                .enableCae(true).build()).entry()).isEqualTo(Entry.ABSENT);
        assertThat(cache.inspect(credential, TokenRequestContext.of("https://vault.azure.net/.default")).entry())
                .isEqualTo(Entry.ABSENT);
    }

    @Test
    void inspect_asTimePasses_entryIsDueThenExpired() {
        SharedTokenCache cache = cache(fileStore(), key(1));
        AccessToken token = fetch(cache, REQUEST);
        // A second store whose clock does not drop expired files, as a store that keeps an entry past its expiry.
        SharedTokenCache keeping = cache(FileSharedTokenStore.builder().directory(dir)
                .clock(java.time.Clock.fixed(token.expiresAt().minusSeconds(1), java.time.ZoneOffset.UTC)).build(), key(1));
        ClientSecretCredential credential = credential(keeping);

        clock.set(token.refreshAt().plusSeconds(1));
        assertThat(keeping.inspect(credential, REQUEST).entry()).isEqualTo(Entry.DUE_FOR_REFRESH);
        clock.set(token.expiresAt());
        SharedCacheStatus expired = keeping.inspect(credential, REQUEST);
        assertThat(expired.entry()).isEqualTo(Entry.EXPIRED);
        assertThat(expired.toString()).startsWith("entry expired at " + token.expiresAt());
    }

    @Test
    void inspect_wrongKey_findsNoEntry_andAnEntryItCannotOpenIsUnreadable() throws IOException {
        SharedTokenCache right = cache(fileStore(), key(1));
        fetch(right, REQUEST);
        SharedTokenCache wrong = cache(fileStore(), key(2));

        SharedCacheStatus status = wrong.inspect(credential(wrong), REQUEST);
        assertThat(status.entry()).as("store keys are hashes under the key").isEqualTo(Entry.ABSENT);
        assertThat(status.toString()).contains("another encryption key");

        // Put the first key's entry under the second key's name, as a copy or a tampering would.
        HolderReportingStore recording = new HolderReportingStore(fileStore(), "unused", clock);
        fetch(cache(recording, key(2)), REQUEST);
        try (var files = Files.list(dir)) {
            Path first = files.filter(p -> p.toString().endsWith(".token"))
                    .filter(p -> !p.getFileName().toString().startsWith(recording.putKeys().get(0))).findFirst().orElseThrow();
            Files.copy(first, dir.resolve(recording.putKeys().get(0) + ".token"), StandardCopyOption.REPLACE_EXISTING);
        }
        SharedCacheStatus unreadable = wrong.inspect(credential(wrong), REQUEST);
        assertThat(unreadable.entry()).isEqualTo(Entry.UNREADABLE);
        assertThat(unreadable.expiresAt()).isEmpty();
        assertThat(unreadable.toString()).contains("entry unreadable: this cache's encryption key does not open it");
    }

    @Test
    void inspect_whileACredentialFetchesUnderTheLease_namesTheHolder() throws Exception {
        HolderReportingStore store = new HolderReportingStore(fileStore(), "pid 4242 on build-7", clock);
        SharedTokenCache cache = cache(store, key(1));
        CountDownLatch arrived = new CountDownLatch(1);
        CountDownLatch answer = new CountDownLatch(1);
        transport.then(r -> {
            arrived.countDown();
            try {
                if (!answer.await(10, TimeUnit.SECONDS)) {
                    throw new IOException("the test never let the request finish");
                }
            } catch (InterruptedException e) {
                throw new java.io.InterruptedIOException("interrupted");
            }
            return ScriptedTransport.json(200, ScriptedTransport.tokenJson(TOKEN, 3600), Map.of());
        });
        CompletableFuture<AccessToken> fetching = CompletableFuture.supplyAsync(() -> credential(cache).getToken(REQUEST));
        assertThat(arrived.await(10, TimeUnit.SECONDS)).isTrue();

        SharedCacheStatus during = cache.inspect(credential(cache), REQUEST);
        answer.countDown();
        AccessToken token = fetching.get(10, TimeUnit.SECONDS);
        SharedCacheStatus after = cache.inspect(credential(cache), REQUEST);

        assertThat(during.entry()).isEqualTo(Entry.ABSENT);
        assertThat(during.leaseHolder()).hasValueSatisfying(h -> {
            assertThat(h.description()).isEqualTo("pid 4242 on build-7");
            assertThat(h.expiresAt()).isEqualTo(clock.instant().plus(Duration.ofSeconds(30)));
        });
        assertThat(during.toString()).endsWith("; lease held by pid 4242 on build-7 until " + clock.instant().plusSeconds(30));
        assertThat(after.entry()).isEqualTo(Entry.FRESH);
        assertThat(after.expiresAt()).contains(token.expiresAt());
        assertThat(after.leaseHolder()).as("released after the fetch").isEmpty();
    }

    @Test
    void inspect_unreachableStore_reportsTheFailureMaskedAndNeverThrows() {
        MemoryTokenStore store = new MemoryTokenStore(clock, false);
        SharedTokenCache cache = cache(store, key(1));
        store.failWith(new IOException("connection to cache.example.net:6380 refused, token " + TOKEN));

        SharedCacheStatus status = cache.inspect(credential(cache), REQUEST);
        SharedCacheStatus unshared = cache.inspect(AzureCliCredential.builder().build(), REQUEST);

        assertThat(status.reachable()).isFalse();
        assertThat(status.shared()).isTrue();
        assertThat(status.entry()).isEqualTo(Entry.NOT_LOOKED_UP);
        assertThat(status.storeFailure()).hasValueSatisfying(f -> assertThat(f)
                .startsWith("IOException: connection to cache.example.net:6380 refused").doesNotContain(TOKEN));
        assertThat(status.toString()).startsWith("store failed: IOException: connection to cache.example.net:6380");
        assertThat(unshared.reachable()).as("the store is asked even for a token that is not shared").isFalse();
        assertThat(unshared.toString()).contains("; store failed: IOException").doesNotContain(TOKEN);

        store.failWith((IOException) null);
        store.failWith(new IllegalStateException("pool exhausted"));
        assertThat(cache.inspect(credential(cache), REQUEST).storeFailure()).contains("IllegalStateException: pool exhausted");
    }

    @Test
    void inspect_leaseHolderQueryFails_entryStillShownAndFailureReported() {
        HolderReportingStore store = new HolderReportingStore(new MemoryTokenStore(clock, false), "x", clock);
        SharedTokenCache cache = cache(store, key(1));
        fetch(cache, REQUEST);
        store.failLeaseHolderWith(new IOException("no lease table"));

        SharedCacheStatus status = cache.inspect(credential(cache), REQUEST);

        assertThat(status.entry()).isEqualTo(Entry.FRESH);
        assertThat(status.reachable()).isFalse();
        assertThat(status.storeFailure()).contains("asking for the lease holder: IOException: no lease table");
    }
}
