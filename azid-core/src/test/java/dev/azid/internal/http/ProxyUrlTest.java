package dev.azid.internal.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.azid.Environment;
import java.net.Authenticator;
import java.net.InetSocketAddress;
import java.net.PasswordAuthentication;
import java.net.Proxy;
import java.net.URI;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Proxy URLs pass the endpoint rule; their user info is the proxy's credentials and is never shown. */
class ProxyUrlTest {

    private static ProxyConfiguration env(Map<String, String> variables) {
        return ProxyConfiguration.fromJvmOrEnvironment(Environment.of(variables), name -> null);
    }

    private static PasswordAuthentication proxyAnswer(ProxyConfiguration c) {
        Authenticator a = c.authenticator().orElseThrow();
        return a.requestPasswordAuthenticationInstance("proxy.corp.example", null, 8080, "http", "realm", "basic", null,
                Authenticator.RequestorType.PROXY);
    }

    @Test
    void fromEnvironment_proxyWithCredentials_isUsedAndAnswersProxyAuthentication() {
        ProxyConfiguration c = env(Map.of("HTTPS_PROXY", "http://bob:p%40ss+word@proxy.corp.example:8080"));
        assertThat(c.selector().select(URI.create("https://login.microsoftonline.com/")))
                .containsExactly(new Proxy(Proxy.Type.HTTP, InetSocketAddress.createUnresolved("proxy.corp.example", 8080)));
        PasswordAuthentication answer = proxyAnswer(c);
        assertThat(answer.getUserName()).isEqualTo("bob");
        assertThat(new String(answer.getPassword())).as("percent-decoded, '+' kept").isEqualTo("p@ss+word");
    }

    @Test
    void fromEnvironment_hostileProxyWithCredentials_isRefusedWithoutShowingThem() {
        for (String value : List.of("http://bob:hunter2@proxy.corp.example:8080#frag", "http://bob:hunter2@proxy.corp.example/../x",
                " http://bob:hunter2@proxy.corp.example", "http://bob:hunter2@proxy.corp.example\n",
                "http://bob:hunter2@proxy.corp.example?x=1", "socks5://bob:hunter2@proxy.corp.example:1080",
                "http://bob:hunter2@proxy.corp.example:99999", "http://bob:hunter2@@proxy.corp.example",
                "http://bob:hunter2@proxy.corp.example\\@evil.example")) {
            assertThatThrownBy(() -> env(Map.of("HTTP_PROXY", value))).as(value).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageStartingWith("HttpTransport: HTTP_PROXY ").hasMessageNotContaining("hunter2")
                    .hasMessageNotContaining("bob").hasMessageNotContaining("evil");
        }
    }

    @Test
    void fromEnvironment_lowerCaseVariable_isNamedAsSet() {
        assertThatThrownBy(() -> env(Map.of("https_proxy", "http://proxy.corp.example#x")))
                .hasMessageStartingWith("HttpTransport: https_proxy has a fragment");
    }

    @Test
    void fromEnvironment_emptyVariable_meansNoProxy() {
        assertThat(env(Map.of("HTTPS_PROXY", "")).selector()).isSameAs(ProxyConfiguration.HttpClientNoProxy.INSTANCE);
    }

    @Test
    void fromJvmProperties_hostWithUserInfoPathOrBadPort_isRefusedNamingTheProperty() {
        for (Map<String, String> props : List.of(Map.of("https.proxyHost", "bob:hunter2@proxy.corp.example"),
                Map.of("https.proxyHost", "http://proxy.corp.example"), Map.of("http.proxyHost", "proxy.corp.example/x"),
                Map.of("http.proxyHost", "proxy.corp.example "), Map.of("https.proxyHost", "proxy\n.example"))) {
            String property = props.keySet().iterator().next();
            assertThatThrownBy(() -> ProxyConfiguration.fromJvmOrEnvironment(Environment.of(Map.of()), props::get))
                    .as(props.toString()).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("JVM system property " + property).hasMessageNotContaining("hunter2");
        }
        assertThatThrownBy(() -> ProxyConfiguration.fromJvmOrEnvironment(Environment.of(Map.of()),
                Map.of("https.proxyHost", "proxy.corp.example", "https.proxyPort", "80a")::get))
                .hasMessageContaining("https.proxyPort is not a port number");
    }

    @Test
    void fromJvmProperties_plainHostAndPort_areAccepted() {
        ProxyConfiguration c = ProxyConfiguration.fromJvmOrEnvironment(Environment.of(Map.of()),
                Map.of("https.proxyHost", "proxy.corp.example", "https.proxyPort", "8080", "http.proxyHost", "10.0.0.1")::get);
        assertThat(c.authenticator()).isEmpty();
    }
}
