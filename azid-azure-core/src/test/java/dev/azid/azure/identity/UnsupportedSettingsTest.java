package dev.azid.azure.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.azure.core.http.policy.ExponentialBackoffOptions;
import com.azure.core.http.policy.HttpLogDetailLevel;
import com.azure.core.http.policy.HttpLogOptions;
import com.azure.core.http.policy.RetryOptions;
import com.azure.core.http.policy.RetryPolicy;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/**
 * Every reference setting azid cannot honour, by name, with why: each throws
 * {@link UnsupportedOperationException} when called, its message starting with the builder and the
 * method, never silently ignored. The settings that once threw here and are now mapped are listed
 * too, and must not throw; {@link MappedSettingsTest} and {@link MappedRetrySettingsTest} prove their effect.
 */
class UnsupportedSettingsTest {

    /** What each unsupported call is, and the reason azid refuses it. */
    static Map<String, Executable> unsupported() {
        Map<String, Executable> m = new LinkedHashMap<>();
        // azid's on-behalf-of credential authenticates the API with a secret or a certificate, and sends no x5c.
        m.put("OnBehalfOfCredentialBuilder.clientAssertion(Supplier)",
                () -> new OnBehalfOfCredentialBuilder().clientAssertion(() -> "a"));
        m.put("OnBehalfOfCredentialBuilder.sendCertificateChain(true)",
                () -> new OnBehalfOfCredentialBuilder().sendCertificateChain(true));
        // azid reads no IntelliJ KeePass database (azure-identity deprecated the setting).
        m.put("DefaultAzureCredentialBuilder.intelliJKeePassDatabasePath(String)",
                () -> new DefaultAzureCredentialBuilder().intelliJKeePassDatabasePath("/k.kdbx"));
        // Token request bodies hold secrets: azid logs them only through enableUnsafeSupportLogging().
        for (HttpLogDetailLevel level : List.of(HttpLogDetailLevel.BODY, HttpLogDetailLevel.BODY_AND_HEADERS)) {
            m.put("ClientSecretCredentialBuilder.httpLogOptions(" + level + ")",
                    () -> new ClientSecretCredentialBuilder().httpLogOptions(new HttpLogOptions().setLogLevel(level)));
        }
        return m;
    }

    /** The settings that threw before azid had their counterparts. */
    static Map<String, Executable> nowMapped() {
        Map<String, Executable> m = new LinkedHashMap<>();
        for (CompatBuilder<?> b : List.<CompatBuilder<?>>of(new ClientSecretCredentialBuilder(),
                new ManagedIdentityCredentialBuilder(), new DefaultAzureCredentialBuilder(), new AzureCliCredentialBuilder())) {
            String n = b.builderName();
            m.put(n + ".maxRetry(int)", () -> b.maxRetry(1));
            m.put(n + ".retryTimeout(Function)", () -> b.retryTimeout(d -> d));
            m.put(n + ".retryPolicy(RetryPolicy)", () -> b.retryPolicy(new RetryPolicy()));
            m.put(n + ".retryOptions(RetryOptions)", () -> b.retryOptions(new RetryOptions(new ExponentialBackoffOptions())));
            m.put(n + ".enableAccountIdentifierLogging()", b::enableAccountIdentifierLogging);
        }
        m.put("ClientSecretCredentialBuilder.enableUnsafeSupportLogging()",
                () -> new ClientSecretCredentialBuilder().enableUnsafeSupportLogging());
        TokenCachePersistenceOptions cache = new TokenCachePersistenceOptions();
        for (EntraCompatBuilder<?> b : List.<EntraCompatBuilder<?>>of(new ClientSecretCredentialBuilder(),
                new ClientCertificateCredentialBuilder(), new ClientAssertionCredentialBuilder(),
                new OnBehalfOfCredentialBuilder(), new UsernamePasswordCredentialBuilder(),
                new AzurePipelinesCredentialBuilder())) {
            m.put(b.builderName() + ".tokenCachePersistenceOptions(...)", () -> b.tokenCachePersistenceOptions(cache));
        }
        m.put("WorkloadIdentityCredentialBuilder.enableAzureProxy()", () -> new WorkloadIdentityCredentialBuilder().enableAzureProxy());
        m.put("DefaultAzureCredentialBuilder.managedIdentityResourceId(String)",
                () -> new DefaultAzureCredentialBuilder().managedIdentityResourceId("/subscriptions/x"));
        m.put("InteractiveBrowserCredentialBuilder.browserCustomizationOptions(...)",
                () -> new InteractiveBrowserCredentialBuilder().browserCustomizationOptions(
                        new BrowserCustomizationOptions().setSuccessMessage("done")));
        return m;
    }

    @Test
    void everyUnsupportedSetting_throwsNamingItself() {
        assertThat(unsupported()).hasSize(5);
        unsupported().forEach((name, call) -> {
            String prefix = name.substring(0, name.indexOf('('));
            assertThatThrownBy(call::execute).as(name).isInstanceOf(UnsupportedOperationException.class)
                    .hasMessageStartingWith(prefix.substring(0, prefix.lastIndexOf('.')) + ".")
                    .hasMessageContaining(prefix.substring(prefix.lastIndexOf('.') + 1) + "(");
        });
    }

    @Test
    void everyNowMappedSetting_isAccepted() {
        nowMapped().forEach((name, call) -> assertThatCode(call::execute).as(name).doesNotThrowAnyException());
    }
}
