package dev.azid.azure;

import dev.azid.CredentialOptions;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.azure.core.credential.TokenRequestContext;
import com.azure.core.exception.ClientAuthenticationException;
import com.azure.core.http.HttpMethod;
import com.azure.core.http.HttpPipeline;
import com.azure.core.http.HttpPipelineBuilder;
import com.azure.core.http.HttpRequest;
import com.azure.core.http.HttpResponse;
import com.azure.core.http.jdk.httpclient.JdkHttpClientBuilder;
import com.azure.core.http.policy.BearerTokenAuthenticationPolicy;
import dev.azid.ClientSecretCredential;
import dev.azid.CredentialUnavailableException;
import dev.azid.emulator.AzidEmulator;
import dev.azid.emulator.EmulatorConfig;
import dev.azid.emulator.EntraEmulator;
import dev.azid.http.HttpTransport;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The adapter in an azure-core HttpPipeline with BearerTokenAuthenticationPolicy, against the emulator's ARM. */
@AzidEmulator
class AzureCoreCredentialTest {

    private static final String ARM = "https://management.azure.com/.default";

    private static AzureCoreCredential credential(EntraEmulator e, String secret) {
        return AzureCoreCredential.of(ClientSecretCredential.builder().tenantId(EmulatorConfig.DEFAULT_TENANT_ID)
                .clientId(EmulatorConfig.DEFAULT_CLIENT_ID).clientSecret(secret).options(CredentialOptions.builder().authorityHost(e.authorityHost().toString()).httpTransport(HttpTransport.builder().sslContext(e.sslContext()).build()).build()).build());
    }

    @Test
    void bearerPolicy_callsArm_withOneTokenRequestForManyCalls(EntraEmulator e) {
        e.requestLog().clear();
        HttpPipeline pipeline = new HttpPipelineBuilder()
                .httpClient(new JdkHttpClientBuilder(java.net.http.HttpClient.newBuilder().sslContext(e.sslContext())).build())
                .policies(new BearerTokenAuthenticationPolicy(credential(e, EmulatorConfig.DEFAULT_CLIENT_SECRET), ARM))
                .build();
        for (int i = 0; i < 3; i++) {
            try (HttpResponse r = pipeline.sendSync(new HttpRequest(HttpMethod.GET, e.endpoints().armEndpoint()
                    + "subscriptions?api-version=2022-12-01"), com.azure.core.util.Context.NONE)) {
                assertThat(r.getStatusCode()).isEqualTo(200);
                assertThat(r.getBodyAsBinaryData().toString()).contains(EmulatorConfig.DEFAULT_SUBSCRIPTION_ID);
            }
        }
        assertThat(e.requestLog().count("/oauth2/v2.0/token")).isEqualTo(1);
    }

    @Test
    void syncAndReactive_mapContextAndToken(EntraEmulator e) {
        AzureCoreCredential c = credential(e, EmulatorConfig.DEFAULT_CLIENT_SECRET);
        TokenRequestContext ctx = new TokenRequestContext().addScopes(ARM).setTenantId(EmulatorConfig.DEFAULT_TENANT_ID);
        com.azure.core.credential.AccessToken sync = c.getTokenSync(ctx);
        com.azure.core.credential.AccessToken async = c.getToken(ctx).block();
        assertThat(async.getToken()).isEqualTo(sync.getToken());
        assertThat(sync.getExpiresAt().toInstant()).isAfter(Instant.now());
        assertThat(sync.getRefreshAt()).isBefore(sync.getExpiresAt());
        assertThat(sync.getTokenType()).isEqualTo("Bearer");
        assertThat(AzureCoreCredential.map(new TokenRequestContext().addScopes(ARM).setClaims("{\"a\":1}").setCaeEnabled(true)))
                .satisfies(m -> {
                    assertThat(m.claims()).isEqualTo("{\"a\":1}");
                    assertThat(m.enableCae()).isTrue();
                });
    }

    @Test
    void failures_becomeClientAuthenticationExceptions(EntraEmulator e) {
        AzureCoreCredential wrong = credential(e, "wrong-secret");
        TokenRequestContext ctx = new TokenRequestContext().addScopes(ARM);
        assertThatThrownBy(() -> wrong.getTokenSync(ctx)).isInstanceOf(ClientAuthenticationException.class)
                .hasMessageContaining("AADSTS7000215").hasCauseInstanceOf(dev.azid.AuthenticationFailedException.class);
        assertThatThrownBy(() -> wrong.getToken(ctx).block()).isInstanceOf(ClientAuthenticationException.class)
                .hasMessageContaining("AADSTS7000215");
        AzureCoreCredential unavailable = AzureCoreCredential.of(r -> {
            throw new CredentialUnavailableException("X: not here. Do Y.");
        });
        assertThatThrownBy(() -> unavailable.getToken(ctx).block()).isInstanceOf(ClientAuthenticationException.class)
                .hasMessage("X: not here. Do Y.").hasCauseInstanceOf(CredentialUnavailableException.class);
    }
}
