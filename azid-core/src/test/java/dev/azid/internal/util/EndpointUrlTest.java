package dev.azid.internal.util;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

/** The one endpoint rule: what each use accepts as it is today, and the edges of what it refuses. */
class EndpointUrlTest {

    static Stream<Arguments> accepted() {
        return Stream.of(
                Arguments.of(UrlUse.AUTHORITY_HOST, "https://login.microsoftonline.com", "login.microsoftonline.com"),
                Arguments.of(UrlUse.AUTHORITY_HOST, "https://login.microsoftonline.us/", "login.microsoftonline.us"),
                Arguments.of(UrlUse.AUTHORITY_HOST, "https://login.chinacloudapi.cn", "login.chinacloudapi.cn"),
                Arguments.of(UrlUse.AUTHORITY_HOST, "https://login.microsoftonline.de", "login.microsoftonline.de"),
                Arguments.of(UrlUse.AUTHORITY_HOST, "login.microsoftonline.us/", "login.microsoftonline.us"),
                Arguments.of(UrlUse.AUTHORITY_HOST, "HTTPS://Login.MicrosoftOnline.com", "Login.MicrosoftOnline.com"),
                Arguments.of(UrlUse.AUTHORITY_HOST, "https://adfs.contoso.local", "adfs.contoso.local"),
                Arguments.of(UrlUse.AUTHORITY_HOST, "https://127.0.0.1:49152", "127.0.0.1"),
                Arguments.of(UrlUse.AUTHORITY_HOST, "http://127.0.0.1:8080", "127.0.0.1"),
                Arguments.of(UrlUse.AUTHORITY_HOST, "http://localhost:8080/", "localhost"),
                Arguments.of(UrlUse.AUTHORITY_HOST, "http://[::1]:8080", "[::1]"),
                Arguments.of(UrlUse.AUTHORITY_HOST, "https://login.example/tenant-path", "login.example"),
                Arguments.of(UrlUse.RESOURCE_MANAGER, "https://management.azure.com/", "management.azure.com"),
                Arguments.of(UrlUse.RESOURCE_MANAGER, "https://management.local.azurestack.external/",
                        "management.local.azurestack.external"),
                Arguments.of(UrlUse.MANAGED_IDENTITY, "http://169.254.169.254", "169.254.169.254"),
                Arguments.of(UrlUse.MANAGED_IDENTITY, "http://127.0.0.1:41741/MSI/token/", "127.0.0.1"),
                Arguments.of(UrlUse.MANAGED_IDENTITY, "http://172.16.1.2:8081/msi/token", "172.16.1.2"),
                Arguments.of(UrlUse.MANAGED_IDENTITY, "http://10.1.2.3:2579/", "10.1.2.3"),
                Arguments.of(UrlUse.MANAGED_IDENTITY, "http://localhost:40342/metadata/identity/oauth2/token", "localhost"),
                Arguments.of(UrlUse.MANAGED_IDENTITY, "http://x/", "x"),
                Arguments.of(UrlUse.SERVICE_FABRIC, "https://10.0.0.4:2377/metadata/identity/oauth2/token", "10.0.0.4"),
                Arguments.of(UrlUse.OIDC_REQUEST, "https://pipelines.actions.githubusercontent.com/abc/idtoken?api-version=2.0",
                        "pipelines.actions.githubusercontent.com"),
                Arguments.of(UrlUse.OIDC_REQUEST,
                        "https://dev.azure.com/org/proj/_apis/distributedtask/hubs/build/plans/p/jobs/j/oidctoken", "dev.azure.com"),
                Arguments.of(UrlUse.PROXY, "http://proxy.corp.example:3128", "proxy.corp.example"),
                Arguments.of(UrlUse.PROXY, "proxy.corp.example:3128", "proxy.corp.example"),
                Arguments.of(UrlUse.PROXY, "http://user:p%40ss@proxy.corp.example:3128/", "proxy.corp.example"),
                Arguments.of(UrlUse.LOOPBACK_REDIRECT, "http://localhost:8400/callback", "localhost"),
                Arguments.of(UrlUse.USER_PAGE, "https://microsoft.com/devicelogin", "microsoft.com"),
                Arguments.of(UrlUse.USER_PAGE, "http://127.0.0.1:5000/devicelogin", "127.0.0.1"));
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("accepted")
    void check_validValue_isAcceptedWithItsHost(UrlUse use, String value, String host) {
        URI uri = EndpointUrl.check(value, "S", use);
        assertThat(uri.getHost()).isEqualTo(host);
        assertThat(uri.getRawFragment()).isNull();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"127.0.0.1.evil.example", "127.0.0.1999", "127.256.0.1", "localhost.evil.example", "evil.localhost",
        "0x7f.0.0.1", "2130706433", "127.1", "[::ffff:7f00:1]"})
    void check_httpOnNameThatIsNotSurelyLoopback_isRefused(String host) {
        assertThatThrownBy(() -> EndpointUrl.check("http://" + host + ":8080", "X: authorityHost", UrlUse.AUTHORITY_HOST))
                .isInstanceOf(IllegalArgumentException.class)
                // Some of these are not even host names to java.net.URI; the others are refused for the scheme.
                .hasMessageMatching("X: authorityHost (must use https \\(http is allowed only for a loopback host such as "
                        + "localhost or 127\\.0\\.0\\.1\\)|has no valid host name .*)\\. Use an https URL .*");
    }

    @Test
    void check_theOriginalReport_isRefusedWithoutShowingTheLookAlikeName() {
        assertThatThrownBy(() -> EndpointUrl.check("http://login.microsoftonline.com@127.0.0.1:8080",
                "ClientSecretCredential: authorityHost", UrlUse.AUTHORITY_HOST))
                .hasMessage("ClientSecretCredential: authorityHost has user info (text before '@'), so it would send requests "
                        + "to another host than it seems to name. Use an https URL with only a host (and port), such as "
                        + "https://login.microsoftonline.com.");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"/..", "/%2e%2e", "/%2E%2e", "/%2E.", "/.%2e", "/a/../b", "/..;x", "/%252e%252E", "/%25252e%25252e",
        "/%2525252e", "/a%2fb", "/a%5Cb", "/%00", "/%0a", "/%7f", "/%c0%ae", "/%C1%9C", "/.", "/%2e"})
    void unsafePath_traversalOrEncodedSeparator_isDetected(String path) {
        assertThat(EndpointUrl.unsafePath(path)).isTrue();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"/", "/msi/token", "/a..b", "/...", "/.well-known/openid-configuration", "/a%20b", "/%e2%82%ac", "/a;b", "//x"})
    void unsafePath_ordinaryPath_isAllowed(String path) {
        assertThat(EndpointUrl.unsafePath(path)).isFalse();
    }

    @Test
    void check_overlongValue_isRefusedBeforeParsing() {
        assertThatThrownBy(() -> EndpointUrl.check("https://h.example/" + "a".repeat(EndpointUrl.MAX_LENGTH), "S",
                UrlUse.OIDC_REQUEST)).hasMessageStartingWith("S is longer than 4096 characters");
    }

    @Test
    void authorityHost_removesTrailingSlashesAndAddsHttps() {
        assertThat(Uris.authorityHost("login.microsoftonline.us//", "S")).hasToString("https://login.microsoftonline.us");
        assertThat(Uris.authorityHost("https://127.0.0.1:49152/", "S")).hasToString("https://127.0.0.1:49152");
    }
}
