package dev.azid;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class ValuesTest {

    @Test
    void accessToken_toString_neverShowsToken() {
        AccessToken t = AccessToken.of("very-secret-token", Instant.parse("2026-11-24T11:00:00Z"));
        assertThat(t.toString()).doesNotContain("very-secret-token").contains("2026-11-24T11:00:00Z", "Bearer");
        assertThat(t.refreshAt()).isEqualTo(t.expiresAt());
        assertThat(t.isExpiredAt(Instant.parse("2026-11-24T11:00:00Z"))).isTrue();
        assertThat(t.isExpiredAt(Instant.parse("2026-11-24T10:59:59Z"))).isFalse();
    }

    @Test
    void accessToken_refreshAfterExpiry_isClampedToExpiry() {
        Instant exp = Instant.parse("2026-11-24T11:00:00Z");
        assertThat(new AccessToken("t", exp, exp.plusSeconds(60), null).refreshAt()).isEqualTo(exp);
        assertThatThrownBy(() -> AccessToken.of("", exp)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void tokenRequestContext_noScopes_isRefusedWithExample() {
        assertThatThrownBy(TokenRequestContext::of).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("https://management.azure.com/.default");
        assertThatThrownBy(() -> TokenRequestContext.of(" ")).hasMessageContaining("blank");
    }

    @Test
    void tokenRequestContext_builder_copiesScopesAndNormalisesBlanks() {
        List<String> scopes = new java.util.ArrayList<>(List.of("a/.default"));
        TokenRequestContext c = TokenRequestContext.builder().scopes(scopes).tenantId(" ").claims("").enableCae(true).build();
        scopes.add("b");
        assertThat(c.scopes()).containsExactly("a/.default");
        assertThat(c.tenantId()).isNull();
        assertThat(c.claims()).isNull();
        assertThat(c.enableCae()).isTrue();
    }

    @Test
    void azureCloud_namedClouds_haveTheirHosts() {
        assertThat(AzureCloud.fromName("azureusgovernment")).contains(AzureCloud.AZURE_US_GOVERNMENT);
        assertThat(AzureCloud.AZURE_US_GOVERNMENT.authorityHost()).hasToString("https://login.microsoftonline.us");
        assertThat(AzureCloud.AZURE_CHINA_CLOUD.resourceManagerEndpoint()).hasToString("https://management.chinacloudapi.cn/");
        assertThat(AzureCloud.AZURE_GERMAN_CLOUD.authorityHost()).hasToString("https://login.microsoftonline.de");
        assertThat(AzureCloud.AZURE_PUBLIC_CLOUD.resourceManagerScope()).isEqualTo("https://management.core.windows.net/.default");
        assertThat(AzureCloud.namedClouds()).hasSize(4);
        assertThat(AzureCloud.fromName("nope")).isEmpty();
    }

    @Test
    void azureCloud_builder_validatesAndNormalises() {
        AzureCloud c = AzureCloud.builder().name("Stack").authorityHost("https://login.stack.local/")
                .resourceManagerEndpoint("https://management.stack.local").build();
        assertThat(c.authorityHost()).isEqualTo(URI.create("https://login.stack.local"));
        assertThat(c.resourceManagerEndpoint()).isEqualTo(URI.create("https://management.stack.local/"));
        assertThat(c.resourceManagerAudience()).isEqualTo("https://management.stack.local/");
        assertThatThrownBy(() -> AzureCloud.builder().resourceManagerEndpoint("https://m").build())
                .hasMessageContaining("authorityHost is not set");
        assertThatThrownBy(() -> AzureCloud.builder().authorityHost("http://login.example").resourceManagerEndpoint("https://m").build())
                .hasMessageContaining("must use https");
    }
}
