package dev.azid;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.azid.emulator.AzidEmulator;
import dev.azid.emulator.EmulatorConfig;
import dev.azid.emulator.EntraEmulator;
import dev.azid.http.HttpResponse;
import dev.azid.http.HttpTransport;
import dev.azid.test.LogCapture;
import dev.azid.test.MemoryTokenStore;
import dev.azid.test.MutableClock;
import dev.azid.test.RecordingSleeper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Interactive user tokens in the shared cache: each credential instance stands for another process
 * on one store; only a credential that knows its account is served, and only that account's tokens.
 */
@AzidEmulator
class UserSharedCacheEmulatorTest {

    private static final String GRAPH = "https://graph.microsoft.com/User.Read";
    private static final String ARM = "https://management.azure.com/user_impersonation";
    private static final String ALICE = EmulatorConfig.DEFAULT_USERNAME;
    private static final String BOB = EmulatorConfig.MFA_USERNAME;
    private static final Pattern TOKEN_FIELD = Pattern.compile("\"(?:access|refresh)_token\"\\s*:\\s*\"([^\"]+)\"");
    private static final Pattern OID = Pattern.compile("\"oid\"\\s*:\\s*\"([^\"]+)\"");

    @RegisterExtension
    final LogCapture logs = new LogCapture();

    @TempDir
    Path dir;

    private final MutableClock clock = new MutableClock(Instant.now());
    /** Every access and refresh token the emulator sent, to scan the logs and the store for. */
    private final List<String> issued = new CopyOnWriteArrayList<>();
    private final List<String> refreshTokens = new CopyOnWriteArrayList<>();

    private SharedTokenCache fileCache() {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        return SharedTokenCache.builder().store(FileSharedTokenStore.builder().directory(dir).build()).encryptionKey(key)
                .build();
    }

    private HttpTransport recording(EntraEmulator e) {
        return HttpTransport.builder().sslContext(e.sslContext()).build().with((request, next) -> {
            HttpResponse response = next.send(request);
            String body = new String(response.body(), StandardCharsets.UTF_8);
            Matcher m = TOKEN_FIELD.matcher(body);
            while (m.find()) {
                issued.add(m.group(1));
                if (m.group(0).startsWith("\"refresh")) {
                    refreshTokens.add(m.group(1));
                }
            }
            return response;
        });
    }

    /** A device code credential (another process) on the store whose user signs in as {@code username} when asked. */
    private DeviceCodeCredential.Builder process(EntraEmulator e, SharedTokenCache shared, String username, String password,
            AtomicInteger signIns) {
        CredentialOptions.Builder o = CredentialOptions.builder().authorityHost(e.authorityHost().toString())
                .httpTransport(recording(e)).clock(clock).sleeper(new RecordingSleeper(clock), () -> 0.5);
        if (shared != null) {
            o.sharedCache(shared);
        }
        return DeviceCodeCredential.builder().clientId(EmulatorConfig.DEFAULT_CLIENT_ID).tenantId(EmulatorConfig.DEFAULT_TENANT_ID)
                .options(o.build()).challengeConsumer(info -> {
                    signIns.incrementAndGet();
                    DeviceCodeCredentialTest.enter(e, info, username, password, "approve");
                });
    }

    /** A process that may not sign in: it has the record and the store, nothing else. */
    private DeviceCodeCredential silent(EntraEmulator e, SharedTokenCache shared, AuthenticationRecord record) {
        return process(e, shared, ALICE, "never-entered", new AtomicInteger()).authenticationRecord(record)
                .disableAutomaticAuthentication().build();
    }

    /** The user's record, from a sign-in by a process that shares nothing. */
    private AuthenticationRecord record(EntraEmulator e, String username, String password) {
        return process(e, null, username, password, new AtomicInteger()).build().authenticate(TokenRequestContext.of(GRAPH));
    }

    private static int tokenRequests(EntraEmulator e) {
        return e.requestLog().count("/oauth2/v2\\.0/(token|devicecode)");
    }

    /** The object id the emulator put in an access token. */
    private static String owner(AccessToken token) {
        String payload = new String(Base64.getUrlDecoder().decode(token.token().split("\\.")[1]), StandardCharsets.UTF_8);
        Matcher m = OID.matcher(payload);
        assertThat(m.find()).as("an oid claim").isTrue();
        return m.group(1);
    }

    private static String objectId(AuthenticationRecord record) {
        return record.homeAccountId().substring(0, record.homeAccountId().indexOf('.'));
    }

    private void assertNoTokensInLogs() {
        logs.assertNoSecrets(issued.toArray(String[]::new));
        logs.assertNoSecrets(EmulatorConfig.DEFAULT_PASSWORD, EmulatorConfig.MFA_PASSWORD);
    }

    @Test
    void getToken_sameRecordOnOneStore_servedWithoutTokenRequest_otherAccountAndNoRecordSignIn(EntraEmulator e) {
        SharedTokenCache shared = fileCache();
        AuthenticationRecord alice = record(e, ALICE, EmulatorConfig.DEFAULT_PASSWORD);
        AuthenticationRecord bob = record(e, BOB, EmulatorConfig.MFA_PASSWORD);
        assertThat(alice.homeAccountId()).isNotEqualTo(bob.homeAccountId());
        e.requestLog().clear();

        AtomicInteger signIns = new AtomicInteger();
        AccessToken first = process(e, shared, ALICE, EmulatorConfig.DEFAULT_PASSWORD, signIns).authenticationRecord(alice)
                .build().getToken(TokenRequestContext.of(GRAPH));
        assertThat(signIns).as("process A signs in").hasValue(1);
        assertThat(owner(first)).isEqualTo(objectId(alice));

        e.requestLog().clear();
        AccessToken second = silent(e, shared, alice).getToken(TokenRequestContext.of(GRAPH));
        assertThat(second.token()).as("process B, same record").isEqualTo(first.token());
        assertThat(tokenRequests(e)).as("no request to the token endpoint").isZero();

        AtomicInteger bobSignIns = new AtomicInteger();
        AccessToken bobs = process(e, shared, BOB, EmulatorConfig.MFA_PASSWORD, bobSignIns).authenticationRecord(bob).build()
                .getToken(TokenRequestContext.of(GRAPH));
        assertThat(bobs.token()).as("another account's record").isNotEqualTo(first.token());
        assertThat(bobSignIns).hasValue(1);
        assertThat(owner(bobs)).isEqualTo(objectId(bob));
        assertThat(silent(e, shared, bob).getToken(TokenRequestContext.of(GRAPH)).token()).isEqualTo(bobs.token());
        assertThat(silent(e, shared, alice).getToken(TokenRequestContext.of(GRAPH)).token()).isEqualTo(first.token());

        e.requestLog().clear();
        AtomicInteger anonymousSignIns = new AtomicInteger();
        AccessToken anonymous = process(e, shared, ALICE, EmulatorConfig.DEFAULT_PASSWORD, anonymousSignIns).build()
                .getToken(TokenRequestContext.of(GRAPH));
        // Same user, scope and second: the emulator may issue the very same token, so the sign-in is what is checked.
        assertThat(anonymousSignIns).as("no record: not served from the store").hasValue(1);
        assertThat(tokenRequests(e)).isPositive();
        assertThat(owner(anonymous)).isEqualTo(objectId(alice));
        assertNoTokensInLogs();
    }

    @Test
    void getToken_userSignsInAsSomeoneElseThanTheRecord_tokenNeverStoredUnderTheRecordsAccount(EntraEmulator e) {
        SharedTokenCache shared = fileCache();
        AuthenticationRecord alice = record(e, ALICE, EmulatorConfig.DEFAULT_PASSWORD);
        AuthenticationRecord bob = record(e, BOB, EmulatorConfig.MFA_PASSWORD);

        AccessToken signedIn = process(e, shared, ALICE, EmulatorConfig.DEFAULT_PASSWORD, new AtomicInteger())
                .authenticationRecord(bob).build().getToken(TokenRequestContext.of(ARM));
        assertThat(owner(signedIn)).as("the user chose Alice at the sign-in").isEqualTo(objectId(alice));

        assertThatThrownBy(() -> silent(e, shared, bob).getToken(TokenRequestContext.of(ARM)))
                .as("Bob's key holds nothing").isInstanceOf(AuthenticationRequiredException.class);
        e.requestLog().clear();
        assertThat(silent(e, shared, alice).getToken(TokenRequestContext.of(ARM)).token())
                .as("published under the account it is for").isEqualTo(signedIn.token());
        assertThat(tokenRequests(e)).isZero();
        assertNoTokensInLogs();
    }

    @Test
    void getToken_noRecord_publishesOnlyAfterSignInAndNeverARefreshToken(EntraEmulator e) {
        MemoryTokenStore store = new MemoryTokenStore(clock, false);
        SharedTokenCache shared = SharedTokenCache.builder().store(store).allowUnencryptedStorage(true).build();
        AuthenticationRecord alice = record(e, ALICE, EmulatorConfig.DEFAULT_PASSWORD);

        DeviceCodeCredential first = process(e, shared, ALICE, EmulatorConfig.DEFAULT_PASSWORD, new AtomicInteger()).build();
        AccessToken graph = first.getToken(TokenRequestContext.of(GRAPH));
        assertThat(store.calls).as("not asked before the account is known, only written after").hasValue(1);
        AccessToken arm = first.getToken(TokenRequestContext.of(ARM));
        assertThat(e.requestLog().last().form()).containsEntry("grant_type", "refresh_token");
        assertThat(store.snapshot()).hasSize(2);

        e.requestLog().clear();
        assertThat(silent(e, shared, alice).getToken(TokenRequestContext.of(GRAPH)).token()).isEqualTo(graph.token());
        assertThat(silent(e, shared, alice).getToken(TokenRequestContext.of(ARM)).token()).isEqualTo(arm.token());
        assertThat(tokenRequests(e)).isZero();

        List<String> stored = new ArrayList<>();
        store.snapshot().values().forEach(v -> stored.add(new String(v, StandardCharsets.UTF_8)));
        assertThat(String.join("\n", stored)).contains(graph.token()).contains(arm.token());
        assertThat(refreshTokens).isNotEmpty();
        for (String refresh : refreshTokens) {
            assertThat(stored).allSatisfy(s -> assertThat(s).doesNotContain(refresh));
        }
        assertNoTokensInLogs();
    }

    @Test
    void authenticate_publishesTheSignInsToken_andABrowserProcessWithTheRecordIsServed(EntraEmulator e) {
        SharedTokenCache shared = fileCache();
        DeviceCodeCredential deviceCode = process(e, shared, BOB, EmulatorConfig.MFA_PASSWORD, new AtomicInteger()).build();
        AuthenticationRecord bob = deviceCode.authenticate(TokenRequestContext.of(GRAPH));

        e.requestLog().clear();
        AtomicInteger opened = new AtomicInteger();
        InteractiveBrowserCredential browser = InteractiveBrowserCredential.builder().clientId(EmulatorConfig.DEFAULT_CLIENT_ID)
                .tenantId(EmulatorConfig.DEFAULT_TENANT_ID).options(CredentialOptions.builder()
                        .authorityHost(e.authorityHost().toString()).httpTransport(recording(e)).clock(clock)
                        .sharedCache(shared).build())
                .browser(InteractiveBrowserEmulatorTest.person(e, ALICE, EmulatorConfig.DEFAULT_PASSWORD, false, opened))
                .authenticationRecord(bob).disableAutomaticAuthentication().build();
        AccessToken served = browser.getToken(TokenRequestContext.of(GRAPH));
        assertThat(owner(served)).isEqualTo(objectId(bob));
        assertThat(opened).as("no browser opened").hasValue(0);
        assertThat(tokenRequests(e)).isZero();
        assertThatThrownBy(() -> browser.getToken(TokenRequestContext.of(ARM)))
                .as("nothing stored for that scope").isInstanceOf(AuthenticationRequiredException.class);
        assertNoTokensInLogs();
    }

    @Test
    void inspect_userCredential_showsTheAccountsEntry_andNotSharedWithoutAnAccount(EntraEmulator e) {
        SharedTokenCache shared = fileCache();
        AuthenticationRecord alice = record(e, ALICE, EmulatorConfig.DEFAULT_PASSWORD);
        DeviceCodeCredential unknown = process(e, shared, ALICE, EmulatorConfig.DEFAULT_PASSWORD, new AtomicInteger()).build();
        SharedCacheStatus before = shared.inspect(unknown, TokenRequestContext.of(GRAPH));
        assertThat(before.shared()).as("no account known yet").isFalse();
        assertThat(before.notShared()).hasValueSatisfying(why -> assertThat(why).contains("AuthenticationRecord"));

        DeviceCodeCredential withRecord = silent(e, shared, alice);
        assertThat(shared.inspect(withRecord, TokenRequestContext.of(GRAPH)).entry()).isEqualTo(SharedCacheStatus.Entry.ABSENT);
        AccessToken token = process(e, shared, ALICE, EmulatorConfig.DEFAULT_PASSWORD, new AtomicInteger())
                .authenticationRecord(alice).build().getToken(TokenRequestContext.of(GRAPH));

        SharedCacheStatus after = shared.inspect(withRecord, TokenRequestContext.of(GRAPH));
        assertThat(after.shared()).isTrue();
        assertThat(after.entry()).isEqualTo(SharedCacheStatus.Entry.FRESH);
        assertThat(after.expiresAt()).contains(token.expiresAt());
        assertThat(shared.inspect(withRecord, TokenRequestContext.of(ARM)).entry()).isEqualTo(SharedCacheStatus.Entry.ABSENT);
        assertThat(after.toString()).doesNotContain(token.token());
        assertNoTokensInLogs();
    }
}
