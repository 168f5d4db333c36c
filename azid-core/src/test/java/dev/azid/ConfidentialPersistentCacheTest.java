package dev.azid;

import static org.assertj.core.api.Assertions.assertThat;

import dev.azid.internal.fingerprint.Fingerprints;
import dev.azid.internal.persistence.PersistentSessions;
import dev.azid.test.LogCapture;
import dev.azid.test.MutableClock;
import dev.azid.test.ScriptedTransport;
import dev.azid.test.TestCertificates;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The persistent cache for application credentials: two credential instances with the same
 * configuration and cache directory stand for two processes; the second is served without a
 * request, and any difference in the client or its material makes its own request.
 */
class ConfidentialPersistentCacheTest {

    private static final String TENANT = ClientSecretCredentialTest.TENANT;
    private static final String CLIENT = ClientSecretCredentialTest.CLIENT;
    private static final String SECRET = ClientSecretCredentialTest.SECRET;
    private static final String ARM = ClientSecretCredentialTest.ARM;
    private static final String PASSWORD = "correct-horse-Battery-9";
    private static final String USER_ASSERTION = "eyJ1c2VyIjoiYWxpY2UifQ.eyJzdWIiOiJhbGljZSJ9.c2ln";

    @RegisterExtension
    final LogCapture logs = new LogCapture();

    @TempDir
    Path dir;

    private final MutableClock clock = MutableClock.at("2026-11-24T10:00:00Z");
    private final AtomicInteger issued = new AtomicInteger();
    private final ScriptedTransport transport = new ScriptedTransport()
            .always(r -> ScriptedTransport.json(200, ScriptedTransport.tokenJson("tok-" + issued.incrementAndGet() + ".x.y", 3600),
                    java.util.Map.of()));
    private final byte[] key = new byte[32];

    ConfidentialPersistentCacheTest() {
        new SecureRandom().nextBytes(key);
    }

    private TokenCachePersistenceOptions encrypted() {
        return TokenCachePersistenceOptions.builder().directory(dir).name("apps").encryptionKey(key).build();
    }

    private CredentialOptions options() {
        return CredentialOptions.builder().httpTransport(transport).executor(Runnable::run).clock(clock).build();
    }

    private ClientSecretCredential secret(String clientId, String secret, TokenCachePersistenceOptions cache) {
        return ClientSecretCredential.builder().tenantId(TENANT).clientId(clientId).clientSecret(secret).options(options())
                .tokenCachePersistenceOptions(cache).build();
    }

    private static String token(TokenCredential c) {
        return c.getToken(TokenRequestContext.of(ARM)).token();
    }

    /** The first instance fetches; a second with the same configuration gets the same token with no request. */
    private void assertShared(Supplier<TokenCredential> sameConfiguration) {
        String first = token(sameConfiguration.get());
        assertThat(transport.calls()).isEqualTo(1);
        assertThat(token(sameConfiguration.get())).isEqualTo(first);
        assertThat(transport.calls()).as("the second instance made no request").isEqualTo(1);
    }

    @Test
    void clientSecret_secondInstanceSameConfiguration_servedWithoutRequest() {
        assertShared(() -> secret(CLIENT, SECRET, encrypted()));
    }

    @Test
    void clientSecret_otherSecretOrClient_fetchesItsOwnToken() {
        String first = token(secret(CLIENT, SECRET, encrypted()));
        String otherSecret = token(secret(CLIENT, "another-secret-value", encrypted()));
        String otherClient = token(secret("99999999-2222-3333-4444-555555555555", SECRET, encrypted()));

        assertThat(transport.calls()).isEqualTo(3);
        assertThat(java.util.Set.of(first, otherSecret, otherClient)).hasSize(3);
    }

    @Test
    void clientSecret_otherScopeOrTenant_fetchesItsOwnToken() {
        token(secret(CLIENT, SECRET, encrypted()));
        ClientSecretCredential other = ClientSecretCredential.builder().tenantId(TENANT).clientId(CLIENT).clientSecret(SECRET)
                .options(options().toBuilder().additionallyAllowedTenants("*").build())
                .tokenCachePersistenceOptions(encrypted()).build();
        other.getToken(TokenRequestContext.of("https://vault.azure.net/.default"));
        other.getToken(TokenRequestContext.builder().scopes(ARM).tenantId("contoso.onmicrosoft.com").build());

        assertThat(transport.calls()).isEqualTo(3);
    }

    private TestCertificates certificates() {
        return TestCertificates.create(clock.instant().minus(Duration.ofDays(1)), clock.instant().plus(Duration.ofDays(30)));
    }

    @Test
    void clientCertificate_secondInstanceSameFile_servedWithoutRequest() throws Exception {
        TestCertificates certs = certificates();
        Path pem = Files.writeString(dir.resolve("client.pem"), certs.certificatePem() + certs.pkcs8Pem());
        assertShared(() -> ClientCertificateCredential.builder().tenantId(TENANT).clientId(CLIENT).pemCertificate(pem)
                .options(options()).tokenCachePersistenceOptions(encrypted()).build());
    }

    @Test
    void clientCertificate_sameBytesInAnotherInstance_servedWithoutRequest() {
        TestCertificates certs = certificates();
        byte[] pem = TestCertificates.bytes(certs.certificatePem(), certs.pkcs8Pem());
        assertShared(() -> ClientCertificateCredential.builder().tenantId(TENANT).clientId(CLIENT).certificate(pem)
                .options(options()).tokenCachePersistenceOptions(encrypted()).build());
    }

    @Test
    void clientAssertion_secondInstanceSameClient_servedWithoutRequest() {
        assertShared(() -> ClientAssertionCredential.builder().tenantId(TENANT).clientId(CLIENT)
                .clientAssertion(() -> "eyJhbGciOiJSUzI1NiJ9.eyJleHAiOjF9.c2ln").options(options())
                .tokenCachePersistenceOptions(encrypted()).build());
    }

    private OnBehalfOfCredential onBehalfOf(String userAssertion) {
        return OnBehalfOfCredential.builder().tenantId(TENANT).clientId(CLIENT).clientSecret(SECRET)
                .userAssertion(userAssertion).options(options()).tokenCachePersistenceOptions(encrypted()).build();
    }

    @Test
    void onBehalfOf_sameUserAssertion_servedWithoutRequest() {
        assertShared(() -> onBehalfOf(USER_ASSERTION));
    }

    @Test
    void onBehalfOf_anotherUsersAssertion_neverGetsTheFirstUsersToken() {
        String alice = token(onBehalfOf(USER_ASSERTION));
        String bob = token(onBehalfOf("eyJ1c2VyIjoiYm9iIn0.eyJzdWIiOiJib2IifQ.c2ln"));

        assertThat(bob).isNotEqualTo(alice);
        assertThat(transport.calls()).isEqualTo(2);
    }

    private UsernamePasswordCredential user(String password) {
        return UsernamePasswordCredential.builder().tenantId(TENANT).clientId(CLIENT).username("alice@contoso.com")
                .password(password).options(options()).tokenCachePersistenceOptions(encrypted()).build();
    }

    @Test
    void usernamePassword_sameUserAndPassword_servedWithoutRequest() {
        assertShared(() -> user(PASSWORD));
    }

    @Test
    void usernamePassword_wrongPassword_isNotServedTheStoredToken() {
        token(user(PASSWORD));
        token(user("wrong-password"));

        assertThat(transport.calls()).isEqualTo(2);
    }

    @Test
    void storedToken_dueForRefresh_isNotServedToAnotherInstance() {
        token(secret(CLIENT, SECRET, encrypted()));
        clock.advance(Duration.ofMinutes(50));

        token(secret(CLIENT, SECRET, encrypted()));

        assertThat(transport.calls()).isEqualTo(2);
    }

    @Test
    void claimsChallenge_isNeitherServedFromNorWrittenToTheStore() {
        token(secret(CLIENT, SECRET, encrypted()));
        String claims = "{\"access_token\":{\"nbf\":{\"essential\":true,\"value\":\"1\"}}}";
        String challenged = secret(CLIENT, SECRET, encrypted())
                .getToken(TokenRequestContext.builder().scopes(ARM).claims(claims).build()).token();

        assertThat(transport.calls()).isEqualTo(2);
        assertThat(token(secret(CLIENT, SECRET, encrypted()))).isNotEqualTo(challenged);
    }

    @Test
    void encryptedFile_holdsNoTokenSecretOrFingerprint() throws Exception {
        String t = token(secret(CLIENT, SECRET, encrypted()));
        token(user(PASSWORD));

        String file = new String(Files.readAllBytes(dir.resolve("apps.cache")), StandardCharsets.ISO_8859_1);
        assertThat(file).startsWith("AZIDENC1").doesNotContain(t, SECRET, PASSWORD, CLIENT, Fingerprints.sha256(SECRET),
                Fingerprints.sha256(PASSWORD));
    }

    @Test
    void clearTextFile_allowedExplicitly_holdsTokensButNoSecretOrFingerprint() throws Exception {
        TokenCachePersistenceOptions plain = TokenCachePersistenceOptions.builder().directory(dir).name("plain")
                .allowUnencryptedStorage(true).build();
        String t = token(secret(CLIENT, SECRET, plain));
        assertThat(token(secret(CLIENT, SECRET, plain))).isEqualTo(t);

        String file = Files.readString(dir.resolve("plain.cache"));
        assertThat(file).contains(t).doesNotContain(SECRET, Fingerprints.sha256(SECRET), CLIENT);
        if (dir.getFileSystem().supportedFileAttributeViews().contains("posix")) {
            assertThat(java.nio.file.attribute.PosixFilePermissions.toString(
                    Files.getPosixFilePermissions(dir.resolve("plain.cache")))).isEqualTo("rw-------");
        }
    }

    @Test
    void sharedFile_userSessionsAndApplicationTokens_keepEachOther() {
        PersistentSessions sessions = new PersistentSessions(encrypted());
        sessions.save(new PersistentSessions.Entry("public-client", "uid.utid", "https://login", TENANT, "alice", "rt-1"),
                clock.instant());
        token(secret(CLIENT, SECRET, encrypted()));
        sessions.save(new PersistentSessions.Entry("public-client", "uid.utid", "https://login", TENANT, "alice", "rt-2"),
                clock.instant());

        assertThat(sessions.find("public-client", "uid.utid")).map(PersistentSessions.Entry::refreshToken).contains("rt-2");
        token(secret(CLIENT, SECRET, encrypted()));
        assertThat(transport.calls()).as("the user's save kept the application token").isEqualTo(1);
    }

    @Test
    void unusableCacheDirectory_tokenStillServed_warnsOnceWithoutSecrets() throws Exception {
        Path blocked = Files.writeString(dir.resolve("not-a-directory"), "x");
        TokenCachePersistenceOptions cache = TokenCachePersistenceOptions.builder().directory(blocked).encryptionKey(key).build();
        ClientSecretCredential c = secret(CLIENT, SECRET, cache);

        String t = token(c);
        c.getToken(TokenRequestContext.of("https://vault.azure.net/.default"));

        assertThat(transport.calls()).isEqualTo(2);
        assertThat(logs.lines()).filteredOn(l -> l.contains("memory only")).hasSize(1).first().asString()
                .contains("ClientSecretCredential", "not-a-directory");
        assertThat(logs.all()).doesNotContain(SECRET, t);
    }

    @Test
    void wrongKey_storedTokensIgnored_fetchesAndWarns() {
        token(secret(CLIENT, SECRET, encrypted()));
        byte[] other = new byte[32];
        TokenCachePersistenceOptions wrong = TokenCachePersistenceOptions.builder().directory(dir).name("apps")
                .encryptionKey(other).build();

        token(secret(CLIENT, SECRET, wrong));

        assertThat(transport.calls()).isEqualTo(2);
        assertThat(logs.all()).contains("another key");
    }
}
