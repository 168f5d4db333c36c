package dev.azid;

import static dev.azid.ClientSecretCredentialTest.ARM;
import static dev.azid.ClientSecretCredentialTest.CLIENT;
import static dev.azid.ClientSecretCredentialTest.SECRET;
import static dev.azid.ClientSecretCredentialTest.TENANT;
import static dev.azid.SharedCacheInspectTest.OTHER_TENANT;
import static dev.azid.SharedCacheInspectTest.REQUEST;
import static org.assertj.core.api.Assertions.assertThat;

import dev.azid.SharedCacheStatus.Entry;
import dev.azid.test.MemoryTokenStore;
import dev.azid.test.MutableClock;
import dev.azid.test.ScriptedTransport;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@link SharedTokenCache#inspect} on credentials and requests whose tokens are not shared through the cache, and why. */
class SharedCacheNotSharedTest {

    private static final byte[] KEY = new byte[32];

    private final MutableClock clock = MutableClock.at("2026-11-24T10:00:00Z");
    private final MemoryTokenStore remote = new MemoryTokenStore(clock, false);
    private final SharedTokenCache cache = SharedTokenCache.builder().store(remote).encryptionKey(KEY).build();

    private CredentialOptions.Builder options(Map<String, String> env) {
        return CredentialOptions.builder().httpTransport(ScriptedTransport.failing()).environment(Environment.of(env))
                .clock(clock).sharedCache(cache);
    }

    private ClientSecretCredential secretCredential(CredentialOptions options) {
        return ClientSecretCredential.builder().tenantId(TENANT).clientId(CLIENT).clientSecret(SECRET).options(options).build();
    }

    private String reason(TokenCredential credential, TokenRequestContext request) {
        SharedCacheStatus status = cache.inspect(credential, request);
        assertThat(status.shared()).as(status.toString()).isFalse();
        assertThat(status.entry()).isEqualTo(Entry.NOT_LOOKED_UP);
        assertThat(status.leaseHolder()).isEmpty();
        assertThat(status.reachable()).isTrue();
        assertThat(status.toString()).isEqualTo("not shared: " + status.notShared().orElseThrow());
        return status.notShared().orElseThrow();
    }

    @Test
    void inspect_credentialWithoutOrWithAnotherSharedCache_isNotShared() {
        assertThat(reason(ClientSecretCredential.builder().tenantId(TENANT).clientId(CLIENT).clientSecret(SECRET).build(),
                REQUEST))
                .isEqualTo("it was built without a shared cache: its CredentialOptions set no sharedCache");
        SharedTokenCache other = SharedTokenCache.builder().store(remote).encryptionKey(KEY).build();
        assertThat(reason(secretCredential(options(Map.of()).sharedCache(other).build()), REQUEST))
                .isEqualTo("it was built with another SharedTokenCache (on MemoryTokenStore)");
        assertThat(cache.inspect(secretCredential(options(Map.of()).build()), REQUEST).shared()).isTrue();
    }

    @Test
    void inspect_tokensWhoseKeyDoesNotNameTheUser_areNotShared() {
        AuthorizationCodeCredential code = AuthorizationCodeCredential.builder().tenantId(TENANT).clientId(CLIENT)
                .authorizationCode("0.AAAA-auth-code_value").redirectUrl("http://localhost:8400").clientSecret(SECRET)
                .options(options(Map.of()).build()).build();
        assertThat(reason(code, REQUEST)).startsWith("an authorization code's tokens are never shared");
        assertThat(reason(AzureCliCredential.builder().options(options(Map.of()).build()).build(), REQUEST))
                .startsWith("a developer tool's tokens are never shared");
        assertThat(reason(InteractiveBrowserCredential.builder().options(options(Map.of()).build()).build(), REQUEST))
                .startsWith("no signed-in account is known yet");
    }

    @Test
    void inspect_systemAssignedManagedIdentity_isSharedOnlyThroughAHostLocalStore(@TempDir Path dir) {
        ManagedIdentityCredential system = ManagedIdentityCredential.builder().options(options(Map.of()).build()).build();
        assertThat(reason(system, REQUEST)).startsWith("a system-assigned managed identity belongs to its host")
                .endsWith("and MemoryTokenStore is not");

        ManagedIdentityCredential user = ManagedIdentityCredential.builder().options(options(Map.of()).build())
                .clientId(CLIENT).build();
        assertThat(cache.inspect(user, REQUEST).entry()).isEqualTo(Entry.ABSENT);

        SharedTokenCache local = SharedTokenCache.builder().store(FileSharedTokenStore.builder().directory(dir).build())
                .encryptionKey(KEY).build();
        ManagedIdentityCredential onHost = ManagedIdentityCredential.builder()
                .options(options(Map.of()).sharedCache(local).build()).build();
        assertThat(local.inspect(onHost, REQUEST).entry()).isEqualTo(Entry.ABSENT);
    }

    @Test
    void inspect_chainsAndTheirMembers_chainSaysInspectTheMembers() {
        Map<String, String> env = Map.of("AZURE_TENANT_ID", TENANT, "AZURE_CLIENT_ID", CLIENT, "AZURE_CLIENT_SECRET", SECRET,
                "PATH", "/nonexistent");
        DefaultAzureCredential dac = DefaultAzureCredential.builder().options(options(env).build()).build();
        assertThat(reason(dac, REQUEST)).startsWith("a chain shares nothing itself: inspect each of its credentials");
        assertThat(reason(ChainedTokenCredential.builder().addAll(dac.credentials()).build(), REQUEST)).startsWith("a chain shares nothing");

        int cli = dac.kinds().indexOf(DefaultAzureCredential.Kind.AZURE_CLI);
        assertThat(reason(dac.credentials().get(cli), REQUEST)).startsWith("a developer tool's");
        int environment = dac.kinds().indexOf(DefaultAzureCredential.Kind.ENVIRONMENT);
        assertThat(cache.inspect(dac.credentials().get(environment), REQUEST).entry()).isEqualTo(Entry.ABSENT);
    }

    @Test
    void inspect_requestsThatAreNeverShared_sayWhy() {
        ClientSecretCredential credential = secretCredential(options(Map.of()).build());
        assertThat(reason(credential, TokenRequestContext.builder().scopes(ARM).claims("{\"access_token\":{}}").build()))
                .startsWith("a request with claims always fetches a new token");
        assertThat(reason(credential, REQUEST.withTenantId(OTHER_TENANT)))
                .startsWith("the credential refuses this request (ClientSecretCredential: ");
        assertThat(reason(credential, TokenRequestContext.of(ARM, "https://vault.azure.net/.default")))
                .startsWith("the credential refuses this request (");
    }

    @Test
    void inspect_credentialsWithoutATokenSource_sayWhy() {
        assertThat(reason(EnvironmentCredential.builder().options(options(Map.of()).build()).build(), REQUEST))
                .startsWith("the credential has no token source here");
        TokenCredential custom = request -> AccessToken.of("t", clock.instant().plusSeconds(3600));
        assertThat(reason(custom, REQUEST)).endsWith("does not cache tokens in azid's token cache, so it shares none");
        assertThat(remote.calls.get()).as("each inspection asks the store once, for reachability").isPositive();
    }
}
