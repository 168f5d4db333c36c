package dev.azid.emulator;

import static dev.azid.emulator.EmulatorClient.claims;
import static dev.azid.emulator.EmulatorClient.json;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Map;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509TrustManager;
import org.junit.jupiter.api.Test;

/**
 * The managed-identity endpoints' URL variants and identity parameters: each honours the identity
 * it is asked for or refuses, and never answers with the system-assigned identity instead.
 */
@AzidEmulator
class ManagedIdentityEndpointTest {

    private static final String ARM = "https://management.azure.com/";
    private static final String SYSTEM = "5a5a0000-0000-4000-8000-0000000005a1";
    private static final String USER = "0a5e0000-0000-4000-8000-0000000005e1";
    private static final String USER_OID = "0a5e0000-0000-4000-8000-0000000005e2";
    private static final String USER_RID = "/subscriptions/" + EmulatorConfig.DEFAULT_SUBSCRIPTION_ID
            + "/resourceGroups/rg/providers/Microsoft.ManagedIdentity/userAssignedIdentities/id1";
    private static final String H = "azid-emulator-identity-header";

    private static String q(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    private static String appid(HttpResponse<String> r) {
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        return (String) claims((String) json(r).get("access_token")).get("appid");
    }

    private static HttpResponse<String> imds(EmulatorClient c, String path, String extra) throws Exception {
        return c.get(c.emulator.endpoints().imdsEndpoint() + path + "?api-version=2018-02-01&resource=" + q(ARM) + extra,
                "Metadata", "true");
    }

    private static HttpResponse<String> appService(EmulatorClient c, String suffix, String extra) throws Exception {
        return c.get(c.emulator.endpoints().appServiceEndpoint() + suffix + "?api-version=2019-08-01&resource=" + q(ARM) + extra,
                "X-IDENTITY-HEADER", H);
    }

    private static HttpResponse<String> fabric(EmulatorClient c, String suffix, String extra) throws Exception {
        String thumbprint = c.emulator.endpoints().serviceFabricThumbprint();
        // Service Fabric's certificate is self-signed: trusted by its thumbprint, as the real clients do.
        X509TrustManager pinned = new X509TrustManager() {
            @Override
            public void checkClientTrusted(X509Certificate[] chain, String authType) throws CertificateException {
                throw new CertificateException("not a server");
            }

            @Override
            public void checkServerTrusted(X509Certificate[] chain, String authType) throws CertificateException {
                try {
                    String hex = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-1").digest(chain[0].getEncoded()));
                    if (!hex.equalsIgnoreCase(thumbprint)) {
                        throw new CertificateException("thumbprint mismatch");
                    }
                } catch (java.security.NoSuchAlgorithmException e) {
                    throw new CertificateException(e);
                }
            }

            @Override
            public X509Certificate[] getAcceptedIssuers() {
                return new X509Certificate[0];
            }
        };
        SSLContext ssl = SSLContext.getInstance("TLS");
        ssl.init(null, new TrustManager[] {pinned}, null);
        HttpClient http = HttpClient.newBuilder().sslContext(ssl).connectTimeout(Duration.ofSeconds(5)).build();
        return http.send(HttpRequest.newBuilder(URI.create(c.emulator.endpoints().serviceFabricEndpoint() + suffix
                + "?api-version=2019-07-01-preview&resource=" + q(ARM) + extra)).header("secret", H)
                .timeout(Duration.ofSeconds(10)).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void tokenRoutes_trailingSlash_resolveEndpoints(EntraEmulator emulator) throws Exception {
        EmulatorClient c = new EmulatorClient(emulator);
        assertThat(appid(imds(c, "/metadata/identity/oauth2/token/", ""))).isEqualTo(SYSTEM);
        assertThat(appid(appService(c, "/", ""))).isEqualTo(SYSTEM);
        assertThat(appid(c.get(emulator.endpoints().legacyMsiEndpoint() + "/?api-version=2017-09-01&resource=" + q(ARM),
                "secret", H))).isEqualTo(SYSTEM);
        assertThat(appid(fabric(c, "/", ""))).isEqualTo(SYSTEM);
        assertThat(c.post("/cloudshell/token/", Map.of("resource", ARM), "Metadata", "true").statusCode()).isEqualTo(200);
    }

    @Test
    void imds_eachIdentityParameter_selectsThatIdentity(EntraEmulator emulator) throws Exception {
        EmulatorClient c = new EmulatorClient(emulator);
        String path = "/metadata/identity/oauth2/token";
        assertThat(appid(imds(c, path, "&client_id=" + USER))).isEqualTo(USER);
        assertThat(appid(imds(c, path, "&object_id=" + USER_OID))).isEqualTo(USER);
        assertThat(appid(imds(c, path, "&msi_res_id=" + q(USER_RID)))).isEqualTo(USER);
        assertThat(appid(imds(c, path, "&mi_res_id=" + q(USER_RID.toUpperCase())))).as("IMDS observes mi_res_id too")
                .isEqualTo(USER);
    }

    @Test
    void imds_unknownOrSeveralIdentities_areRefused(EntraEmulator emulator) throws Exception {
        EmulatorClient c = new EmulatorClient(emulator);
        String path = "/metadata/identity/oauth2/token";
        HttpResponse<String> unknown = imds(c, path, "&client_id=00000000-0000-0000-0000-000000000000");
        assertThat(unknown.statusCode()).isEqualTo(400);
        assertThat(json(unknown)).containsEntry("error", "invalid_request").containsEntry("error_description", "Identity not found");
        HttpResponse<String> two = imds(c, path, "&client_id=" + USER + "&object_id=" + USER_OID);
        assertThat(two.statusCode()).isEqualTo(400);
        assertThat(two.body()).contains("client_id", "object_id");
    }

    @Test
    void appService_principalIdAndItsAliasObjectId_selectTheIdentity(EntraEmulator emulator) throws Exception {
        EmulatorClient c = new EmulatorClient(emulator);
        assertThat(appid(appService(c, "", "&principal_id=" + USER_OID))).isEqualTo(USER);
        assertThat(appid(appService(c, "", "&object_id=" + USER_OID))).isEqualTo(USER);
        assertThat(appid(appService(c, "", "&mi_res_id=" + q(USER_RID)))).isEqualTo(USER);
        assertThat(appid(appService(c, "", "&client_id=" + USER))).isEqualTo(USER);
        HttpResponse<String> two = appService(c, "", "&client_id=" + USER + "&mi_res_id=" + q(USER_RID));
        assertThat(two.statusCode()).isEqualTo(400);
        assertThat(json(two)).containsEntry("statusCode", 400);
    }

    @Test
    void legacy_clientidHonoured_otherIdentityParametersRefused(EntraEmulator emulator) throws Exception {
        EmulatorClient c = new EmulatorClient(emulator);
        String base = emulator.endpoints().legacyMsiEndpoint() + "?api-version=2017-09-01&resource=" + q(ARM);
        assertThat(appid(c.get(base + "&clientid=" + USER, "secret", H))).isEqualTo(USER);
        HttpResponse<String> other = c.get(base + "&client_id=" + USER, "secret", H);
        assertThat(other.statusCode()).isEqualTo(400);
        assertThat(other.body()).contains("clientid");
    }

    @Test
    void serviceFabric_identityParameters_honouredOrRefused(EntraEmulator emulator) throws Exception {
        EmulatorClient c = new EmulatorClient(emulator);
        assertThat(appid(fabric(c, "", "&client_id=" + USER))).isEqualTo(USER);
        assertThat(appid(fabric(c, "", "&mi_res_id=" + q(USER_RID)))).isEqualTo(USER);
        assertThat(appid(fabric(c, "", "&object_id=" + USER_OID))).isEqualTo(USER);
        HttpResponse<String> unknown = fabric(c, "", "&client_id=00000000-0000-0000-0000-000000000000");
        assertThat(unknown.statusCode()).isEqualTo(400);
        assertThat(unknown.body()).contains("ManagedIdentityNotFound").doesNotContain("access_token");
    }

    @Test
    void cloudShell_userAssignedIdentity_isRefused(EntraEmulator emulator) throws Exception {
        EmulatorClient c = new EmulatorClient(emulator);
        HttpResponse<String> r = c.post("/cloudshell/token", Map.of("resource", ARM, "client_id", USER), "Metadata", "true");
        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(json(r)).containsEntry("error", "invalid_request");
        assertThat(r.body()).contains("user-assigned").doesNotContain("access_token");
        assertThat(appid(c.post("/cloudshell/token", Map.of("resource", ARM), "Metadata", "true"))).isEqualTo(SYSTEM);
    }

    @Test
    void cloudShell_getWithResourceInQuery_answersAsPostDoes(EntraEmulator emulator) throws Exception {
        EmulatorClient c = new EmulatorClient(emulator);
        assertThat(appid(c.get(emulator.authorityHost() + "/cloudshell/token?resource=" + q(ARM), "Metadata", "true"))).isEqualTo(SYSTEM);
        assertThat(c.get(emulator.authorityHost() + "/cloudshell/token?resource=" + q(ARM)).statusCode()).as("Metadata header still required")
                .isEqualTo(400);
        HttpResponse<String> user = c.get(emulator.authorityHost() + "/cloudshell/token?resource=" + q(ARM) + "&client_id=" + USER, "Metadata", "true");
        assertThat(user.statusCode()).isEqualTo(400);
        assertThat(user.body()).contains("user-assigned").doesNotContain("access_token");
    }

    @Test
    void arc_userAssignedIdentity_isRefusedBeforeAnyKeyFile(EntraEmulator emulator) throws Exception {
        EmulatorClient c = new EmulatorClient(emulator);
        HttpResponse<String> r = c.get(emulator.endpoints().arcIdentityEndpoint() + "?api-version=2020-06-01&resource="
                + q(ARM) + "&msi_res_id=" + q(USER_RID), "Metadata", "true");
        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(r.headers().firstValue("WWW-Authenticate")).isEmpty();
        assertThat(r.body()).contains("system-assigned");
    }
}
