package dev.azid;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.azid.test.MutableClock;
import dev.azid.test.RecordingSleeper;
import dev.azid.test.ScriptedTransport;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Issue 11, class 7: a managed-identity answer naming another identity than the one requested is refused. */
class IdentitySubstitutionTest {

    private static final String ARM = "https://management.azure.com/.default";
    private static final String TOKEN = "eyJ0eXAiOiJKV1QifQ.eyJhdWQiOiJ4In0.b3RoZXItaWRlbnRpdHk";
    private static final String WANTED = "0a5e0000-0000-4000-8000-0000000005e1";
    private static final String OTHER = "5a5a0000-0000-4000-8000-0000000005a1";
    private static final Map<String, String> APP_SERVICE = Map.of("IDENTITY_ENDPOINT", "http://127.0.0.1:41000/msi/token",
            "IDENTITY_HEADER", "h");
    private static final Map<String, String> LEGACY = Map.of("MSI_ENDPOINT", "http://127.0.0.1:46808/", "MSI_SECRET", "s");

    @TempDir
    Path arcTokens;

    private final MutableClock clock = MutableClock.at("2026-11-24T10:00:00Z");
    private final ScriptedTransport transport = new ScriptedTransport();

    private ManagedIdentityCredential.Builder mi(Map<String, String> env) {
        return ManagedIdentityCredential.builder().options(CredentialOptions.builder().environment(Environment.of(env)).httpTransport(transport).executor(Runnable::run).clock(clock).sleeper(new RecordingSleeper(clock), () -> 0.5).build()).osName("Linux")
                .arcTokenDirectory(arcTokens);
    }

    private static String answer(String field, String value) {
        return "{\"access_token\":\"" + TOKEN + "\",\"expires_in\":\"3600\",\"token_type\":\"Bearer\",\"" + field + "\":\""
                + value + "\"}";
    }

    static Stream<Arguments> mismatches() {
        String rid = "/subscriptions/s/resourceGroups/rg/providers/Microsoft.ManagedIdentity/userAssignedIdentities/";
        return Stream.of(
                Arguments.of("App Service", APP_SERVICE, "clientId", WANTED, "client_id", OTHER),
                Arguments.of("IMDS", Map.of(), "clientId", WANTED, "client_id", OTHER),
                Arguments.of("App Service", APP_SERVICE, "objectId", WANTED, "object_id", OTHER),
                Arguments.of("App Service", APP_SERVICE, "objectId", WANTED, "principal_id", OTHER),
                Arguments.of("IMDS", Map.of(), "objectId", WANTED, "object_id", OTHER),
                Arguments.of("IMDS", Map.of(), "resourceId", rid + "wanted", "msi_res_id", rid + "other"),
                Arguments.of("App Service", APP_SERVICE, "resourceId", rid + "wanted", "mi_res_id", rid + "other"),
                Arguments.of("legacy", LEGACY, "clientId", WANTED, "client_id", OTHER));
    }

    private static ManagedIdentityCredential.Builder select(ManagedIdentityCredential.Builder b, String how, String id) {
        return switch (how) {
            case "clientId" -> b.clientId(id);
            case "objectId" -> b.objectId(id);
            default -> b.resourceId(id);
        };
    }

    @ParameterizedTest(name = "{0} {2} answered with {4}")
    @MethodSource("mismatches")
    void answerForAnotherIdentity_isRefusedNamingBothIds(String source, Map<String, String> env, String how, String wanted,
            String field, String other) {
        transport.thenJson(200, answer(field, other));
        assertThatThrownBy(() -> select(mi(env), how, wanted).build().getToken(TokenRequestContext.of(ARM)))
                .isInstanceOf(AuthenticationFailedException.class)
                .hasMessageStartingWith("ManagedIdentityCredential: ")
                .hasMessageContaining("whose " + field + " is " + other).hasMessageContaining(wanted)
                .hasMessageContaining("refused").hasMessageNotContaining(TOKEN);
    }

    @Test
    void azureMlDefaultClientId_answeredForAnotherIdentity_isRefused() {
        transport.thenJson(200, answer("client_id", OTHER));
        Map<String, String> env = new HashMap<>(LEGACY);
        env.put("DEFAULT_IDENTITY_CLIENT_ID", WANTED);
        assertThatThrownBy(() -> mi(env).build().getToken(TokenRequestContext.of(ARM)))
                .isInstanceOf(AuthenticationFailedException.class).hasMessageContaining("client_id is " + OTHER)
                .hasMessageContaining("client id " + WANTED);
    }

    @Test
    void matchingEchoInAnotherCase_orNoEcho_isAccepted() {
        transport.thenJson(200, answer("client_id", WANTED.toUpperCase()))
                .thenJson(200, "{\"access_token\":\"" + TOKEN + "\",\"expires_in\":3600}")
                .thenJson(200, answer("msi_res_id", "/SUBSCRIPTIONS/S/x"));
        assertThat(mi(APP_SERVICE).clientId(WANTED).build().getToken(TokenRequestContext.of(ARM)).token()).isEqualTo(TOKEN);
        assertThat(mi(APP_SERVICE).clientId(WANTED).build().getToken(TokenRequestContext.of(ARM)).token()).isEqualTo(TOKEN);
        assertThat(mi(Map.of()).resourceId("/subscriptions/s/X").build().getToken(TokenRequestContext.of(ARM)).token())
                .isEqualTo(TOKEN);
    }

    @Test
    void systemAssigned_anyEchoIsAccepted() {
        transport.thenJson(200, answer("client_id", OTHER));
        assertThat(mi(APP_SERVICE).build().getToken(TokenRequestContext.of(ARM)).token()).isEqualTo(TOKEN);
    }

    @Test
    void echoHoldingTheToken_isNeverQuoted() {
        transport.thenJson(200, answer("client_id", TOKEN));
        assertThatThrownBy(() -> mi(APP_SERVICE).clientId(WANTED).build().getToken(TokenRequestContext.of(ARM)))
                .isInstanceOf(AuthenticationFailedException.class).hasMessageContaining(WANTED)
                .hasMessageNotContaining(TOKEN).hasMessageNotContaining("eyJ0eXAi");
    }

    @Test
    void defaultAzureCredential_substitutedIdentity_stopsTheChain() {
        ScriptedTransport t = new ScriptedTransport().thenJson(400, "{\"error\":\"bad_request\"}")
                .thenJson(200, answer("client_id", OTHER));
        DefaultAzureCredential c = DefaultAzureCredential.builder().options(CredentialOptions.builder().environment(Environment.of(Map.of("AZURE_CLIENT_ID", WANTED,
                "PATH", arcTokens.toString()))).httpTransport(t).executor(Runnable::run).build()).build();
        assertThatThrownBy(() -> c.getToken(TokenRequestContext.of(ARM))).isInstanceOf(AuthenticationFailedException.class)
                .hasMessageContaining("ManagedIdentityCredential failed, so the chain stopped")
                .hasMessageContaining("client_id is " + OTHER).hasMessageNotContaining(TOKEN);
    }

    static Stream<Arguments> hostsWithoutUserAssigned() {
        Map<String, String> cloudShell = Map.of("MSI_ENDPOINT", "http://localhost:50342/oauth2/token");
        Map<String, String> fabric = Map.of("IDENTITY_ENDPOINT", "https://127.0.0.1:2377/", "IDENTITY_HEADER", "h",
                "IDENTITY_SERVER_THUMBPRINT", "a".repeat(40));
        Map<String, String> arc = Map.of("IDENTITY_ENDPOINT", "http://localhost:40342/metadata/identity/oauth2/token",
                "IMDS_ENDPOINT", "http://localhost:40342");
        Stream.Builder<Arguments> all = Stream.builder();
        for (var host : Map.of("Cloud Shell", cloudShell, "Service Fabric", fabric, "Azure Arc", arc).entrySet()) {
            for (String how : new String[] {"clientId", "objectId", "resourceId"}) {
                all.add(Arguments.of(host.getKey(), host.getValue(), how));
            }
        }
        return all.build();
    }

    @ParameterizedTest(name = "{0} with {2}")
    @MethodSource("hostsWithoutUserAssigned")
    void hostsThatCannotSelectAnIdentity_refuseUserAssigned_beforeAnyRequest(String host, Map<String, String> env, String how) {
        // Cloud Shell and Service Fabric are unavailable (a chain moves on), as in azure-identity; Arc fails.
        assertThatThrownBy(() -> select(mi(env), how, WANTED).build().getToken(TokenRequestContext.of(ARM)))
                .isInstanceOf(host.equals("Azure Arc") ? AuthenticationFailedException.class
                        : CredentialUnavailableException.class).hasMessageContaining(host + " does not support "
                        + "user-assigned identities").hasMessageContaining(WANTED);
        assertThat(transport.calls()).isZero();
    }
}
