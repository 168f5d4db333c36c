package dev.azid.emulator.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Which hosts transparent mode serves, each cloud's issuers, and how the proxy reads a request head. */
class RealHostsTest {

    @Test
    void served_realHostsOfEveryCloud_areServedAndOthersAreNot() {
        assertThat(java.util.List.of("login.microsoftonline.com", "LOGIN.WINDOWS.NET", "login.microsoft.com", "sts.windows.net",
                "login.microsoftonline.us", "login.chinacloudapi.cn", "login.partner.microsoftonline.cn",
                "login.microsoftonline.de", "management.azure.com", "management.usgovcloudapi.net",
                "management.chinacloudapi.cn", "management.microsoftazure.de", "my-vault1.vault.azure.net",
                "kv2.vault.usgovcloudapi.net", "kv1.vault.azure.cn", "kv1.vault.microsoftazure.de"))
                .allSatisfy(h -> assertThat(RealHosts.served(h)).as(h).isTrue());
        assertThat(java.util.List.of("example.com", "vault.azure.net", "a.b.vault.azure.net", "login.microsoftonline.com.evil",
                "evilmanagement.azure.com", "127.0.0.1", "", "x".repeat(300) + ".vault.azure.net"))
                .allSatisfy(h -> assertThat(RealHosts.served(h)).as(h).isFalse());
        assertThat(RealHosts.served(null)).isFalse();
    }

    @Test
    void issuers_onRealAndLocalHosts_followEachCloud() {
        assertThat(RealHosts.v2Issuer("https://login.windows.net", "t")).isEqualTo("https://login.microsoftonline.com/t/v2.0");
        assertThat(RealHosts.v1Issuer("https://login.microsoftonline.com", "t")).isEqualTo("https://sts.windows.net/t/");
        assertThat(RealHosts.v2Issuer("https://127.0.0.1:1234", "t")).isEqualTo("https://127.0.0.1:1234/t/v2.0");
        assertThat(RealHosts.v1Issuer("https://127.0.0.1:1234", "t")).isEqualTo("https://sts.windows.net/t/");
        assertThat(RealHosts.loginBase("https://kv1.vault.azure.cn")).isEqualTo("https://login.partner.microsoftonline.cn");
        assertThat(RealHosts.loginBase("https://127.0.0.1:1234")).isEqualTo("https://127.0.0.1:1234");
    }

    @Test
    void host_ofAHostHeader_acceptsOnlyServedHostsOnPort443() {
        assertThat(RealHostHandler.host("login.microsoftonline.com")).isEqualTo("login.microsoftonline.com");
        assertThat(RealHostHandler.host("Login.MicrosoftOnline.com:443")).isEqualTo("login.microsoftonline.com");
        assertThat(RealHostHandler.host("login.microsoftonline.com:8443")).isNull();
        assertThat(RealHostHandler.host("example.com")).isNull();
        assertThat(RealHostHandler.host(null)).isNull();
    }

    @Test
    void read_requestHeads_parsesConnectAndRefusesOversizedOrMalformed() throws IOException {
        ProxyRequestHead connect = read("CONNECT Login.MicrosoftOnline.com:443 HTTP/1.1\r\nHost: x\r\nProxy-Authorization: "
                + "Basic c2VjcmV0\r\n\r\nrest", 8192);
        assertThat(connect.connectHost()).isEqualTo("login.microsoftonline.com");
        assertThat(connect.headers()).containsKey("proxy-authorization");
        assertThat(read("CONNECT login.microsoftonline.com:80 HTTP/1.1\r\n\r\n", 8192).connectHost()).isNull();
        ProxyRequestHead get = read("GET http://h/p?secret=1 HTTP/1.1\r\n\r\n", 8192);
        assertThat(get.connectHost()).isNull();
        assertThat(get.targetWithoutQuery()).isEqualTo("http://h/p");
        assertThat(read("CONNECT h:443 HTTP/1.1\r\nX: " + "a".repeat(100) + "\r\n\r\n", 64)).isNull();
        assertThat(read("CONNECT h:443\r\n\r\n", 8192)).isNull();
        assertThat(read("CONNECT h:443 HTTP/1.1\r\n", 8192)).isNull();
    }

    private static ProxyRequestHead read(String raw, int max) throws IOException {
        return ProxyRequestHead.read(new ByteArrayInputStream(raw.getBytes(StandardCharsets.ISO_8859_1)), max);
    }
}
