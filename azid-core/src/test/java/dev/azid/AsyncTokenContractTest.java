package dev.azid;

import dev.azid.test.RedirectingBrowser;
import static org.assertj.core.api.Assertions.assertThat;

import dev.azid.http.HttpRequest;
import dev.azid.http.HttpResponse;
import dev.azid.http.HttpTransport;
import dev.azid.internal.process.ProcessRunner;
import dev.azid.test.RecordingExecutor;
import dev.azid.test.RecordingRunner;
import dev.azid.test.ScriptedTransport;
import dev.azid.test.SignInEndpoints;
import dev.azid.test.TestCertificates;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The asynchronous contract of {@link TokenCredential#getTokenAsync}, for every credential that
 * caches tokens: a cached token completes the future at once on the calling thread and hands
 * nothing to the executor; a fetch runs on the credential's executor; a refused request fails the
 * future without fetching.
 */
class AsyncTokenContractTest {

    private static final String ARM = "https://management.azure.com/.default";
    private static final String T = ClientSecretCredentialTest.TENANT;
    private static final String C = ClientSecretCredentialTest.CLIENT;
    private static final String SECRET = ClientSecretCredentialTest.SECRET;
    private static final Clock TOOL_CLOCK = Clock.fixed(Instant.parse("2026-11-24T10:00:00Z"), ZoneOffset.UTC);

    @TempDir
    Path dir;

    private final RecordingExecutor executor = new RecordingExecutor();
    /** The thread of every request or tool run, in order. */
    private final List<String> fetchThreads = new CopyOnWriteArrayList<>();

    @AfterEach
    void stop() {
        executor.close();
    }

    /** One credential type, built with the fixture's executor, transport and tool runner. */
    record Case(String name, Factory factory) {
        @Override
        public String toString() {
            return name;
        }
    }

    @FunctionalInterface
    interface Factory {
        TokenCredential build(AsyncTokenContractTest f) throws Exception;
    }

    static Stream<Case> credentials() {
        return Stream.of(
                new Case("ClientSecretCredential", f -> ClientSecretCredential.builder().tenantId(T).clientId(C)
                        .clientSecret(SECRET).options(CredentialOptions.builder().httpTransport(f.transport()).executor(f.executor).build()).build()),
                new Case("ClientCertificateCredential", f -> {
                    TestCertificates certs = TestCertificates.valid();
                    Path pem = Files.writeString(f.dir.resolve("client.pem"), certs.pkcs8Pem() + certs.certificatePem());
                    return ClientCertificateCredential.builder().tenantId(T).clientId(C).pemCertificate(pem)
                            .options(CredentialOptions.builder().httpTransport(f.transport()).executor(f.executor).build()).build();
                }),
                new Case("ClientAssertionCredential", f -> ClientAssertionCredential.builder().tenantId(T).clientId(C)
                        .clientAssertion(() -> "client.assertion.jwt").options(CredentialOptions.builder().httpTransport(f.transport()).executor(f.executor).build())
                        .build()),
                new Case("WorkloadIdentityCredential", f -> WorkloadIdentityCredential.builder().tenantId(T).clientId(C)
                        .tokenFilePath(Files.writeString(f.dir.resolve("sa-token"), "service-account-jwt"))
                        .options(CredentialOptions.builder().environment(Environment.of(Map.of())).httpTransport(f.transport()).executor(f.executor).build()).build()),
                new Case("GitHubActionsCredential", f -> GitHubActionsCredential.builder().options(CredentialOptions.builder().environment(Environment.of(Map.of(
                        "ACTIONS_ID_TOKEN_REQUEST_URL", "https://pipelines.actions.githubusercontent.com/abc/idtoken?api-version=2.0",
                        "ACTIONS_ID_TOKEN_REQUEST_TOKEN", "gh-request-token", "AZURE_CLIENT_ID", C, "AZURE_TENANT_ID", T))).httpTransport(f.transport()).executor(f.executor).build()).build()),
                new Case("AzurePipelinesCredential", f -> AzurePipelinesCredential.builder().tenantId(T).clientId(C)
                        .serviceConnectionId("sc-1").systemAccessToken("system-access-token-value")
                        .oidcRequestUri("https://dev.azure.com/org/proj/_apis/distributedtask/hubs/build/plans/p/jobs/j/oidctoken")
                        .options(CredentialOptions.builder().environment(Environment.of(Map.of())).httpTransport(f.transport()).executor(f.executor).build()).build()),
                new Case("EnvironmentCredential", f -> EnvironmentCredential.builder().options(CredentialOptions.builder().environment(Environment.of(Map.of(
                        "AZURE_TENANT_ID", T, "AZURE_CLIENT_ID", C, "AZURE_CLIENT_SECRET", SECRET))).httpTransport(f.transport()).executor(f.executor).build()).build()),
                new Case("UsernamePasswordCredential", f -> UsernamePasswordCredential.builder().tenantId(T).clientId(C)
                        .username("user@contoso.com").password("pa55word").options(CredentialOptions.builder().httpTransport(f.transport()).executor(f.executor).build())
                        .build()),
                new Case("OnBehalfOfCredential", f -> OnBehalfOfCredential.builder().tenantId(T).clientId(C)
                        .clientSecret(SECRET).userAssertion("incoming.user.jwt").options(CredentialOptions.builder().httpTransport(f.transport()).executor(f.executor).build()).build()),
                new Case("AuthorizationCodeCredential", f -> AuthorizationCodeCredential.builder().tenantId(T).clientId(C)
                        .authorizationCode("auth-code").redirectUrl("http://localhost:8400").options(CredentialOptions.builder().httpTransport(f.transport()).executor(f.executor).build()).build()),
                new Case("DeviceCodeCredential", f -> DeviceCodeCredential.builder().tenantId(T).clientId(C)
                        .challengeConsumer(info -> { }).options(CredentialOptions.builder().httpTransport(f.transport()).executor(f.executor).build()).build()),
                new Case("InteractiveBrowserCredential", f -> InteractiveBrowserCredential.builder().tenantId(T).clientId(C)
                        .browser(RedirectingBrowser.instance()).timeout(Duration.ofSeconds(20)).options(CredentialOptions.builder().httpTransport(f.transport()).executor(f.executor).build()).build()),
                new Case("ManagedIdentityCredential", f -> ManagedIdentityCredential.builder()
                        .options(CredentialOptions.builder().environment(Environment.of(Map.of())).httpTransport(f.transport()).executor(f.executor).build()).osName("Linux").build()),
                new Case("AzureCliCredential", f -> AzureCliCredential.builder().options(CredentialOptions.builder().environment(f.toolPath()).clock(TOOL_CLOCK).executor(f.executor).build()).localZone(ZoneOffset.UTC).osName("Linux").processRunner(f.runner()).build()),
                new Case("AzureDeveloperCliCredential", f -> AzureDeveloperCliCredential.builder().options(CredentialOptions.builder().environment(f.toolPath()).clock(TOOL_CLOCK).executor(f.executor).build()).localZone(ZoneOffset.UTC)
                        .osName("Linux").processRunner(f.runner())
                        .build()),
                new Case("AzurePowerShellCredential", f -> AzurePowerShellCredential.builder().options(CredentialOptions.builder().environment(f.toolPath()).clock(TOOL_CLOCK).executor(f.executor).build()).localZone(ZoneOffset.UTC)
                        .osName("Linux").processRunner(f.runner())
                        .build()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("credentials")
    void getTokenAsync_cacheHit_completesAtOnceOnTheCallingThreadAndSubmitsNothing(Case c) throws Exception {
        TokenCredential credential = c.factory().build(this);
        AccessToken first = credential.getToken(TokenRequestContext.of(ARM));
        int fetches = fetchThreads.size();
        int submitted = executor.submissions();

        CompletableFuture<AccessToken> hit = credential.getTokenAsync(TokenRequestContext.of(ARM));

        assertThat(hit).as("a cached token completes the future before getTokenAsync returns").isDone();
        AtomicReference<Thread> completedOn = new AtomicReference<>();
        hit.thenRun(() -> completedOn.set(Thread.currentThread()));
        assertThat(completedOn.get()).isSameAs(Thread.currentThread());
        assertThat(hit.join().token()).isEqualTo(first.token());
        assertThat(executor.submissions()).as("nothing handed to the executor on a hit").isEqualTo(submitted);
        assertThat(fetchThreads).as("no request or tool run on a hit").hasSize(fetches);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("credentials")
    void getTokenAsync_cacheMiss_fetchRunsOnTheCredentialsExecutor(Case c) throws Exception {
        TokenCredential credential = c.factory().build(this);

        AccessToken token = credential.getTokenAsync(TokenRequestContext.of(ARM)).get(30, TimeUnit.SECONDS);

        assertThat(token.token()).isNotBlank();
        assertThat(executor.submissions()).isPositive();
        assertThat(fetchThreads).as("every request or tool run of the fetch").isNotEmpty()
                .allSatisfy(name -> assertThat(name).startsWith(RecordingExecutor.THREAD_PREFIX));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("credentials")
    void getTokenAsync_invalidScope_futureFailsAtOnceWithoutFetching(Case c) throws Exception {
        TokenCredential credential = c.factory().build(this);

        CompletableFuture<AccessToken> refused = credential.getTokenAsync(TokenRequestContext.of("bad scope"));

        assertThat(refused).isCompletedExceptionally();
        assertThat(refused.handle((t, e) -> e instanceof IllegalArgumentException
                || e.getCause() instanceof IllegalArgumentException).join()).isTrue();
        assertThat(executor.submissions()).isZero();
        assertThat(fetchThreads).isEmpty();
    }

    /** Answers every endpoint the credentials call, recording the calling thread. */
    private HttpTransport transport() {
        return request -> {
            fetchThreads.add(Thread.currentThread().getName());
            return answer(request);
        };
    }

    private static HttpResponse answer(HttpRequest request) {
        if (request.uri().getHost().equals("169.254.169.254")) {
            long expiresOn = Instant.now().getEpochSecond() + 86_399;
            return ScriptedTransport.json(200, "{\"access_token\":\"mi-token\",\"expires_in\":\"86399\",\"expires_on\":\""
                    + expiresOn + "\",\"resource\":\"https://management.azure.com/\",\"token_type\":\"Bearer\"}", Map.of());
        }
        return SignInEndpoints.answer(request);
    }

    /** Runs nothing: answers as the signed-in tool would, recording the calling thread. */
    private ProcessRunner runner() {
        RecordingRunner recording = new RecordingRunner();
        return (argv, extraEnvironment, workingDirectory, timeout) -> {
            fetchThreads.add(Thread.currentThread().getName());
            return recording.run(argv, extraEnvironment, workingDirectory, timeout);
        };
    }

    private Environment toolPath() throws Exception {
        Path bin = Files.createDirectories(dir.resolve("bin"));
        RecordingRunner.placeholders(bin, "az", "azd", "pwsh");
        return Environment.of(Map.of("PATH", bin.toString()));
    }

}
