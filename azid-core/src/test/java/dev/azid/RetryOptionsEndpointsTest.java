package dev.azid;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.azid.test.MutableClock;
import dev.azid.test.RecordingSleeper;
import dev.azid.test.ScriptedTransport;
import java.net.ConnectException;
import java.net.URI;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The retry options reach every kind of endpoint: Entra ID, managed identity, CI token services, cloud discovery. */
class RetryOptionsEndpointsTest {

    private static final String TENANT = ClientSecretCredentialTest.TENANT;
    private static final String CLIENT = ClientSecretCredentialTest.CLIENT;
    private static final String SECRET = ClientSecretCredentialTest.SECRET;
    private static final String ARM = ClientSecretCredentialTest.ARM;

    private final MutableClock clock = MutableClock.at("2026-11-24T10:00:00Z");
    private final RecordingSleeper sleeper = new RecordingSleeper(clock);
    private final ScriptedTransport unavailable = new ScriptedTransport()
            .always(r -> ScriptedTransport.json(503, "{}", Map.of()));

    private CredentialOptions.Builder options(Map<String, String> env, ScriptedTransport transport) {
        return CredentialOptions.builder().environment(Environment.of(env)).httpTransport(transport)
                .executor(Runnable::run).clock(clock).sleeper(sleeper, () -> 0.5);
    }

    private ClientSecretCredential secretCredential(CredentialOptions options) {
        return ClientSecretCredential.builder().tenantId(TENANT).clientId(CLIENT).clientSecret(SECRET).options(options).build();
    }

    @Test
    void tokenEndpoint_default_retriesThreeTimes() {
        assertThatThrownBy(() -> secretCredential(options(Map.of(), unavailable).build()).getToken(TokenRequestContext.of(ARM)))
                .isInstanceOf(AuthenticationFailedException.class);
        assertThat(unavailable.calls()).isEqualTo(4);
        assertThat(sleeper.sleeps()).containsExactly(Duration.ofMillis(800), Duration.ofMillis(1600), Duration.ofMillis(3200));
    }

    @Test
    void tokenEndpoint_maxRetry_setsTheNumberOfRetries() {
        assertThatThrownBy(() -> secretCredential(options(Map.of(), unavailable).maxRetry(1).build())
                .getToken(TokenRequestContext.of(ARM))).isInstanceOf(AuthenticationFailedException.class);
        assertThat(unavailable.calls()).isEqualTo(2);
    }

    @Test
    void tokenEndpoint_retryTimeout_isTheWaitBeforeEachRetry_givenItsNumber() {
        assertThatThrownBy(() -> secretCredential(options(Map.of(), unavailable).maxRetry(3)
                .retryTimeout(n -> Duration.ofMillis(100 * n.getSeconds())).build()).getToken(TokenRequestContext.of(ARM)))
                .isInstanceOf(AuthenticationFailedException.class);
        assertThat(sleeper.sleeps()).containsExactly(Duration.ofMillis(100), Duration.ofMillis(200), Duration.ofMillis(300));
    }

    @Test
    void tokenEndpoint_retryAfter_stillWinsOverRetryTimeout_upToTheCap() {
        ScriptedTransport t = new ScriptedTransport().thenJson(429, "{}", Map.of("Retry-After", "3600"))
                .thenJson(200, ScriptedTransport.tokenJson("tok", 3599));
        secretCredential(options(Map.of(), t).retryTimeout(n -> Duration.ofMillis(1)).build()).getToken(TokenRequestContext.of(ARM));
        assertThat(sleeper.sleeps()).containsExactly(RetryOptions.MAX_RETRY_AFTER);
    }

    @Test
    void tokenEndpoint_tryTimeoutAndExponentialDelays_areApplied() {
        assertThatThrownBy(() -> secretCredential(options(Map.of(), unavailable).retryOptions(RetryOptions.builder()
                .maxRetries(2).baseDelay(Duration.ofMillis(50)).maxDelay(Duration.ofMillis(60))
                .tryTimeout(Duration.ofSeconds(7)).build()).build()).getToken(TokenRequestContext.of(ARM)))
                .isInstanceOf(AuthenticationFailedException.class);
        assertThat(sleeper.sleeps()).containsExactly(Duration.ofMillis(50), Duration.ofMillis(60));
        assertThat(unavailable.requests()).allSatisfy(r -> assertThat(r.timeout()).isEqualTo(Duration.ofSeconds(7)));
    }

    @Test
    void tokenEndpoint_totalTimeout_stopsRetriesThatWouldPassIt() {
        assertThatThrownBy(() -> secretCredential(options(Map.of(), unavailable).retryOptions(RetryOptions.builder()
                .maxRetries(10).totalTimeout(Duration.ofSeconds(2)).build()).build()).getToken(TokenRequestContext.of(ARM)))
                .isInstanceOf(AuthenticationFailedException.class);
        assertThat(unavailable.calls()).isEqualTo(2);
    }

    @Test
    void managedIdentityAppService_maxRetry_setsTheNumberOfRetries() {
        Map<String, String> env = Map.of("IDENTITY_ENDPOINT", "http://127.0.0.1:41000/msi/token", "IDENTITY_HEADER", "h");
        ManagedIdentityCredential c = ManagedIdentityCredential.builder().options(options(env, unavailable).maxRetry(5).build())
                .osName("Linux").build();
        assertThatThrownBy(() -> c.getToken(TokenRequestContext.of(ARM))).isInstanceOf(AuthenticationFailedException.class);
        assertThat(unavailable.calls()).isEqualTo(6);
    }

    @Test
    void managedIdentityImds_maxRetry_replacesItsFiveRetries() {
        ManagedIdentityCredential c = ManagedIdentityCredential.builder().options(options(Map.of(), unavailable).maxRetry(1)
                .build()).osName("Linux").build();
        assertThatThrownBy(() -> c.getToken(TokenRequestContext.of(ARM))).isInstanceOf(CredentialException.class);
        assertThat(unavailable.calls()).isEqualTo(2);
    }

    @Test
    void imdsProbe_staysOneAttempt_whateverTheRetryOptions() {
        ScriptedTransport refused = new ScriptedTransport().always(r -> {
            throw new ConnectException("Connection refused");
        });
        ManagedIdentityCredential c = ManagedIdentityCredential.builder().options(options(Map.of(), refused).maxRetry(5)
                .build()).osName("Linux").probeImds(Duration.ofSeconds(1)).build();
        assertThatThrownBy(() -> c.getToken(TokenRequestContext.of(ARM))).isInstanceOf(CredentialUnavailableException.class);
        assertThat(refused.calls()).isEqualTo(1);
        assertThat(refused.requests().get(0).headers()).doesNotContainKey("Metadata");
    }

    @Test
    void federatedTokenFetch_gitHubActions_maxRetry_setsTheNumberOfRetries() {
        Map<String, String> env = Map.of("ACTIONS_ID_TOKEN_REQUEST_URL",
                "https://pipelines.actions.githubusercontent.com/abc/idtoken?api-version=2.0",
                "ACTIONS_ID_TOKEN_REQUEST_TOKEN", "gh-request-token", "AZURE_CLIENT_ID", CLIENT, "AZURE_TENANT_ID", TENANT);
        GitHubActionsCredential c = GitHubActionsCredential.builder().options(options(env, unavailable).maxRetry(2).build())
                .build();
        assertThatThrownBy(() -> c.getToken(TokenRequestContext.of(ARM))).isInstanceOf(AuthenticationFailedException.class);
        assertThat(unavailable.calls()).isEqualTo(3);
        assertThat(unavailable.requests()).allSatisfy(r -> assertThat(r.uri().getHost())
                .isEqualTo("pipelines.actions.githubusercontent.com"));
    }

    @Test
    void cloudDiscovery_maxRetry_replacesItsOneRetry() {
        CloudDiscovery d = CloudDiscovery.builder().options(options(Map.of(), unavailable).maxRetry(3).build()).build();
        assertThatThrownBy(() -> d.discover(URI.create("https://management.stack.local/")))
                .isInstanceOf(CloudDiscoveryException.class);
        assertThat(unavailable.calls()).isEqualTo(4);
    }

    @Test
    void defaultAzureCredential_passesTheRetryOptionsToItsMembers() {
        Map<String, String> env = new HashMap<>(Map.of("AZURE_TENANT_ID", TENANT, "AZURE_CLIENT_ID", CLIENT,
                "AZURE_CLIENT_SECRET", SECRET));
        DefaultAzureCredential c = DefaultAzureCredential.builder().options(options(env, unavailable).maxRetry(0).build())
                .build();
        assertThatThrownBy(() -> c.getToken(TokenRequestContext.of(ARM))).isInstanceOf(AuthenticationFailedException.class);
        assertThat(unavailable.calls()).isEqualTo(1);
        assertThat(sleeper.sleeps()).isEmpty();
    }
}
