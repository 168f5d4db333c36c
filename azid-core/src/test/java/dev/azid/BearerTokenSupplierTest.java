package dev.azid;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class BearerTokenSupplierTest {

    private static final AccessToken TOKEN = AccessToken.of("eyJ0eXAiOiJKV1QifQ.e30.c3VwcGxpZXI",
            Instant.parse("2030-01-01T00:00:00Z"));

    @Test
    void get_asksTheCredentialEachTimeForTheScopesAndGivesTheTokenWithoutPrefix() {
        List<TokenRequestContext> asked = new ArrayList<>();
        TokenCredential credential = r -> {
            asked.add(r);
            return TOKEN;
        };
        BearerTokenSupplier supplier = BearerTokenSupplier.of(credential, "https://cognitiveservices.azure.com/.default");
        assertThat(supplier.get()).isEqualTo(TOKEN.token());
        assertThat(supplier.get()).isEqualTo(TOKEN.token());
        assertThat(asked).hasSize(2).allSatisfy(r ->
                assertThat(r.scopes()).containsExactly("https://cognitiveservices.azure.com/.default"));
        assertThat(supplier.toString()).contains("cognitiveservices").doesNotContain(TOKEN.token());
    }

    @Test
    void of_noScope_isRefusedNamingWhatToPass() {
        assertThatThrownBy(() -> BearerTokenSupplier.of(r -> TOKEN))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("no scope was given");
    }

    @Test
    void get_credentialUnavailable_propagatesTheDocumentedException() {
        BearerTokenSupplier supplier = BearerTokenSupplier.of(r -> {
            throw new CredentialUnavailableException("X: not here");
        }, TokenRequestContext.of("https://x/.default"));
        assertThatThrownBy(supplier::get).isInstanceOf(CredentialUnavailableException.class);
    }

    @Test
    void azureAuthorityHosts_areTheNamedCloudsAuthorityHosts() {
        assertThat(AzureAuthorityHosts.AZURE_PUBLIC_CLOUD).isEqualTo(AzureCloud.AZURE_PUBLIC_CLOUD.authorityHost() + "/");
        assertThat(AzureAuthorityHosts.AZURE_CHINA).isEqualTo(AzureCloud.AZURE_CHINA_CLOUD.authorityHost() + "/");
        assertThat(AzureAuthorityHosts.AZURE_GOVERNMENT).isEqualTo(AzureCloud.AZURE_US_GOVERNMENT.authorityHost() + "/");
        assertThat(AzureAuthorityHosts.AZURE_GERMANY).isEqualTo(AzureCloud.AZURE_GERMAN_CLOUD.authorityHost() + "/");
    }

    @Test
    void chainAddFirst_putsTheCredentialInFront() {
        TokenCredential a = r -> TOKEN;
        TokenCredential b = r -> TOKEN;
        ChainedTokenCredential chain = ChainedTokenCredential.builder().addLast(a).addFirst(b).build();
        assertThat(chain.credentials()).containsExactly(b, a);
    }
}
