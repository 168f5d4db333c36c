package dev.azid.azure.identity;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.azure.core.http.policy.ExponentialBackoffOptions;
import com.azure.core.http.policy.RetryOptions;
import com.azure.core.http.policy.RetryPolicy;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/**
 * Every reference setting azid cannot honour yet, by name, with why: each throws
 * {@link UnsupportedOperationException} when called, its message starting with the builder and the
 * method, never silently ignored.
 */
class UnsupportedSettingsTest {

    /** What each unsupported call is, and the reason azid refuses it. */
    static Map<String, Executable> unsupported() {
        Map<String, Executable> m = new LinkedHashMap<>();
        // azid's own retry policy applies; CredentialOptions has no retry settings yet.
        for (CompatBuilder<?> b : List.<CompatBuilder<?>>of(new ClientSecretCredentialBuilder(),
                new ManagedIdentityCredentialBuilder(), new DefaultAzureCredentialBuilder(), new AzureCliCredentialBuilder())) {
            String n = b.builderName();
            m.put(n + ".maxRetry(int)", () -> b.maxRetry(1));
            m.put(n + ".retryTimeout(Function)", () -> b.retryTimeout(d -> d));
            m.put(n + ".retryPolicy(RetryPolicy)", () -> b.retryPolicy(new RetryPolicy()));
            m.put(n + ".retryOptions(RetryOptions)", () -> b.retryOptions(new RetryOptions(new ExponentialBackoffOptions())));
            // No account-identifier or unsafe support logging switches in azid yet.
            m.put(n + ".enableAccountIdentifierLogging()", b::enableAccountIdentifierLogging);
        }
        m.put("ClientSecretCredentialBuilder.enableUnsafeSupportLogging()",
                () -> new ClientSecretCredentialBuilder().enableUnsafeSupportLogging());
        // Confidential and username/password credentials have no persistent cache in azid yet.
        TokenCachePersistenceOptions cache = new TokenCachePersistenceOptions();
        m.put("ClientSecretCredentialBuilder.tokenCachePersistenceOptions(...)",
                () -> new ClientSecretCredentialBuilder().tokenCachePersistenceOptions(cache));
        m.put("ClientCertificateCredentialBuilder.tokenCachePersistenceOptions(...)",
                () -> new ClientCertificateCredentialBuilder().tokenCachePersistenceOptions(cache));
        m.put("ClientAssertionCredentialBuilder.tokenCachePersistenceOptions(...)",
                () -> new ClientAssertionCredentialBuilder().tokenCachePersistenceOptions(cache));
        m.put("OnBehalfOfCredentialBuilder.tokenCachePersistenceOptions(...)",
                () -> new OnBehalfOfCredentialBuilder().tokenCachePersistenceOptions(cache));
        m.put("UsernamePasswordCredentialBuilder.tokenCachePersistenceOptions(...)",
                () -> new UsernamePasswordCredentialBuilder().tokenCachePersistenceOptions(cache));
        m.put("AzurePipelinesCredentialBuilder.tokenCachePersistenceOptions(...)",
                () -> new AzurePipelinesCredentialBuilder().tokenCachePersistenceOptions(cache));
        // azid's on-behalf-of credential takes a secret or a certificate, and sends no x5c.
        m.put("OnBehalfOfCredentialBuilder.clientAssertion(Supplier)",
                () -> new OnBehalfOfCredentialBuilder().clientAssertion(() -> "a"));
        m.put("OnBehalfOfCredentialBuilder.sendCertificateChain(true)",
                () -> new OnBehalfOfCredentialBuilder().sendCertificateChain(true));
        // No AKS identity binding proxy in azid yet.
        m.put("WorkloadIdentityCredentialBuilder.enableAzureProxy()", () -> new WorkloadIdentityCredentialBuilder().enableAzureProxy());
        // azid's default chain takes a managed identity client id only; it reads no IntelliJ KeePass file.
        m.put("DefaultAzureCredentialBuilder.managedIdentityResourceId(String)",
                () -> new DefaultAzureCredentialBuilder().managedIdentityResourceId("/subscriptions/x"));
        m.put("DefaultAzureCredentialBuilder.intelliJKeePassDatabasePath(String)",
                () -> new DefaultAzureCredentialBuilder().intelliJKeePassDatabasePath("/k.kdbx"));
        // azid shows its own browser pages.
        m.put("InteractiveBrowserCredentialBuilder.browserCustomizationOptions(...)",
                () -> new InteractiveBrowserCredentialBuilder().browserCustomizationOptions(
                        new BrowserCustomizationOptions().setSuccessMessage("done")));
        // azid's username/password credential returns no authentication record.
        m.put("UsernamePasswordCredential.authenticate()", () -> new UsernamePasswordCredentialBuilder().tenantId("t")
                .clientId("c").username("u").password("p").build().authenticate());
        return m;
    }

    @Test
    void everyUnsupportedSetting_throwsNamingItself() {
        unsupported().forEach((name, call) -> {
            String prefix = name.substring(0, name.indexOf('(')).replace("(...)", "");
            assertThatThrownBy(call::execute).as(name).isInstanceOf(UnsupportedOperationException.class)
                    .hasMessageStartingWith(prefix.substring(0, prefix.lastIndexOf('.')) + ".")
                    .hasMessageContaining(prefix.substring(prefix.lastIndexOf('.') + 1) + "(");
        });
    }
}
