package dev.azid;

import static org.assertj.core.api.Assertions.assertThat;

import dev.azid.test.LogCapture;
import dev.azid.test.MutableClock;
import dev.azid.test.ScriptedTransport;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** enableAccountIdentifierLogging and enableUnsafeSupportLogging: off by default, and what each logs when on. */
class DiagnosticsLoggingTest {

    private static final String TENANT = ClientSecretCredentialTest.TENANT;
    private static final String CLIENT = ClientSecretCredentialTest.CLIENT;
    private static final String SECRET = ClientSecretCredentialTest.SECRET;
    private static final String ARM = ClientSecretCredentialTest.ARM;
    private static final String OID = "9a1c0000-0000-4000-8000-00000000b0b0";
    private static final String UPN = "bob@contoso.example";
    private static final String SIGNATURE = "c2lnbmF0dXJlLW9mLXRoZS10b2tlbg";
    private static final String JWT = jwt("{\"aud\":\"https://management.azure.com\",\"appid\":\"" + CLIENT + "\",\"tid\":\""
            + TENANT + "\",\"oid\":\"" + OID + "\",\"upn\":\"" + UPN + "\"}");
    private static final String UNSAFE_LOGGER = "dev.azid.UnsafeSupportLogging";

    @RegisterExtension
    final LogCapture logs = new LogCapture();

    private final MutableClock clock = MutableClock.at("2026-11-24T10:00:00Z");

    private static String jwt(String payload) {
        Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
        return b64.encodeToString("{\"alg\":\"RS256\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8)) + "."
                + b64.encodeToString(payload.getBytes(StandardCharsets.UTF_8)) + "." + SIGNATURE;
    }

    private ScriptedTransport answering(String token) {
        return new ScriptedTransport().thenJson(200, ScriptedTransport.tokenJson(token, 3599));
    }

    private AccessToken secretToken(CredentialOptions.Builder options, ScriptedTransport transport) {
        return ClientSecretCredential.builder().tenantId(TENANT).clientId(CLIENT).clientSecret(SECRET)
                .options(options.environment(Environment.of(Map.of())).httpTransport(transport).executor(Runnable::run)
                        .clock(clock).build()).build().getToken(TokenRequestContext.of(ARM));
    }

    private List<String> linesContaining(String text) {
        return logs.lines().stream().filter(l -> l.contains(text)).toList();
    }

    @Test
    void accountIdentifierLogging_on_logsTheClaimsAtInfo_neverTheToken() {
        secretToken(CredentialOptions.builder().enableAccountIdentifierLogging(), answering(JWT));
        assertThat(linesContaining("authenticated account")).singleElement().satisfies(line -> assertThat(line)
                .startsWith("INFO ").contains("ClientSecretCredential: authenticated account: client id " + CLIENT
                        + ", tenant id " + TENANT + ", user principal name " + UPN + ", object id " + OID + "."));
        logs.assertNoSecrets(JWT, SIGNATURE, JWT.split("\\.")[1], SECRET);
    }

    @Test
    void accountIdentifierLogging_off_byDefault_logsNoAccount() {
        secretToken(CredentialOptions.builder(), answering(JWT));
        assertThat(logs.all()).doesNotContain("authenticated account").doesNotContain(OID).doesNotContain(UPN);
    }

    @Test
    void accountIdentifierLogging_v2TokenWithoutUpn_namesAzpAndSaysNone() {
        String v2 = jwt("{\"azp\":\"v2-client\",\"tid\":\"" + TENANT + "\",\"oid\":\"" + OID + "\"}");
        secretToken(CredentialOptions.builder().enableAccountIdentifierLogging(), answering(v2));
        assertThat(linesContaining("authenticated account")).singleElement().satisfies(line -> assertThat(line)
                .contains("client id v2-client").contains("user principal name (none)"));
        logs.assertNoSecrets(v2);
    }

    @Test
    void accountIdentifierLogging_opaqueToken_logsNoAccountAndNotTheToken() {
        String opaque = "opaque-access-token-value-123";
        secretToken(CredentialOptions.builder().enableAccountIdentifierLogging(), answering(opaque));
        assertThat(logs.all()).doesNotContain("authenticated account").contains("not a JWT");
        logs.assertNoSecrets(opaque);
    }

    @Test
    void accountIdentifierLogging_claimWithLineBreak_cannotForgeALogLine() {
        String forged = jwt("{\"appid\":\"a\\nINFO forged line\",\"tid\":\"t\"}");
        secretToken(CredentialOptions.builder().enableAccountIdentifierLogging(), answering(forged));
        assertThat(linesContaining("authenticated account")).singleElement()
                .satisfies(line -> assertThat(line).contains("a\\u000aINFO forged line").doesNotContain("\n"));
    }

    @Test
    void accountIdentifierLogging_managedIdentityToken_isLoggedToo() {
        ScriptedTransport t = new ScriptedTransport().thenJson(200, "{\"access_token\":\"" + JWT + "\",\"expires_in\":\"3599\","
                + "\"expires_on\":\"1795600000\",\"resource\":\"https://management.azure.com/\",\"token_type\":\"Bearer\"}");
        ManagedIdentityCredential.builder().options(CredentialOptions.builder().environment(Environment.of(Map.of()))
                .httpTransport(t).executor(Runnable::run).clock(clock).enableAccountIdentifierLogging().build())
                .osName("Linux").build().getToken(TokenRequestContext.of(ARM));
        assertThat(linesContaining("authenticated account")).singleElement()
                .satisfies(line -> assertThat(line).contains("ManagedIdentityCredential").contains(OID));
        logs.assertNoSecrets(JWT, SIGNATURE);
    }

    @Test
    void accountIdentifierLogging_reachesDefaultAzureCredentialMembers() {
        DefaultAzureCredential.builder().options(CredentialOptions.builder().environment(Environment.of(Map.of(
                "AZURE_TENANT_ID", TENANT, "AZURE_CLIENT_ID", CLIENT, "AZURE_CLIENT_SECRET", SECRET)))
                .httpTransport(answering(JWT)).executor(Runnable::run).clock(clock).enableAccountIdentifierLogging().build())
                .build().getToken(TokenRequestContext.of(ARM));
        assertThat(linesContaining("authenticated account")).singleElement()
                .satisfies(line -> assertThat(line).contains(UPN));
        logs.assertNoSecrets(JWT, SECRET);
    }

    @Test
    void unsafeSupportLogging_off_byDefault_logsNoBodyNoHeaderAndNoSecret() {
        secretToken(CredentialOptions.builder(), answering(JWT));
        assertThat(logs.all()).doesNotContain(UNSAFE_LOGGER).doesNotContain("client_secret").doesNotContain("User-Agent");
        logs.assertNoSecrets(SECRET, JWT);
    }

    @Test
    void unsafeSupportLogging_on_logsBodiesAndHeadersAtDebug_andWarns() {
        secretToken(CredentialOptions.builder().enableUnsafeSupportLogging(), answering(JWT));
        List<String> unsafe = linesContaining(UNSAFE_LOGGER);
        assertThat(unsafe).anySatisfy(l -> assertThat(l).startsWith("WARN ").contains("enableUnsafeSupportLogging"));
        assertThat(unsafe).anySatisfy(l -> assertThat(l).startsWith("DEBUG ").contains("request POST")
                .contains("client_secret=").contains("User-Agent: azid.java/"));
        assertThat(unsafe).anySatisfy(l -> assertThat(l).startsWith("DEBUG ").contains("response 200")
                .contains(JWT));
    }

    @Test
    void unsafeSupportLogging_on_otherLoggersStillNeverShowTheSecret() {
        ScriptedTransport t = new ScriptedTransport().thenJson(503, "{}").thenJson(200, ScriptedTransport.tokenJson(JWT, 3599));
        ClientSecretCredential.builder().tenantId(TENANT).clientId(CLIENT).clientSecret(SECRET)
                .options(CredentialOptions.builder().environment(Environment.of(Map.of())).httpTransport(t)
                        .executor(Runnable::run).clock(clock).sleeper(d -> { }, () -> 0.5).enableUnsafeSupportLogging()
                        .build()).build().getToken(TokenRequestContext.of(ARM));
        String others = String.join("\n", logs.lines().stream().filter(l -> !l.contains(UNSAFE_LOGGER)).toList());
        assertThat(others).contains("retry 1 of 3").doesNotContain(SECRET).doesNotContain(JWT);
    }

    @Test
    void unsafeSupportLogging_on_boundsTheBody() {
        String huge = "{\"access_token\":\"" + JWT + "\",\"expires_in\":3599,\"token_type\":\"Bearer\",\"pad\":\""
                + "x".repeat(200_000) + "\"}";
        secretToken(CredentialOptions.builder().enableUnsafeSupportLogging(), new ScriptedTransport().thenJson(200, huge));
        assertThat(linesContaining("response 200")).singleElement().satisfies(l -> assertThat(l.length()).isLessThan(20_000)
                .isPositive());
        assertThat(linesContaining("response 200").get(0)).contains("more characters");
    }
}
