package dev.azid.internal.env;

import static org.assertj.core.api.Assertions.assertThat;

import dev.azid.ClientSecretCredential;
import dev.azid.CredentialOptions;
import dev.azid.TokenRequestContext;
import dev.azid.test.ScriptedTransport;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** System properties before environment variables, as azure-core's {@code Configuration} reads them. */
class SystemEnvironmentTest {

    @Test
    void get_propertyAndVariableSet_propertyWins() {
        SystemEnvironment env = SystemEnvironment.of(Map.of("AZURE_TENANT_ID", "from-property"),
                Map.of("AZURE_TENANT_ID", "from-variable"));
        assertThat(env.get("AZURE_TENANT_ID")).contains("from-property");
    }

    @Test
    void get_onlyVariableSet_isTheVariable() {
        SystemEnvironment env = SystemEnvironment.of(Map.of(), Map.of("AZURE_CLIENT_ID", "from-variable"));
        assertThat(env.get("AZURE_CLIENT_ID")).contains("from-variable");
    }

    @Test
    void get_emptyProperty_doesNotHideTheVariable() {
        SystemEnvironment env = SystemEnvironment.of(Map.of("AZURE_CLIENT_ID", ""), Map.of("AZURE_CLIENT_ID", "v"));
        assertThat(env.get("AZURE_CLIENT_ID")).contains("v");
    }

    @Test
    void get_neitherSetOrBothEmpty_isEmpty() {
        assertThat(SystemEnvironment.of(Map.of(), Map.of()).get("AZURE_TENANT_ID")).isEmpty();
        assertThat(SystemEnvironment.of(Map.of("X", ""), Map.of("X", "")).get("X")).isEmpty();
    }

    @Test
    void get_propertyOfAnyName_isRead_soEveryReaderGetsIt() {
        ScriptedTransport transport = new ScriptedTransport().thenJson(200, ScriptedTransport.tokenJson("tok", 3599));
        SystemEnvironment env = SystemEnvironment.of(Map.of("AZURE_AUTHORITY_HOST", "https://login.microsoftonline.us"),
                Map.of("AZURE_AUTHORITY_HOST", "https://login.chinacloudapi.cn"));
        ClientSecretCredential.builder().tenantId(ClientSecretCredentialTestValues.TENANT)
                .clientId(ClientSecretCredentialTestValues.CLIENT).clientSecret("s3cret-value")
                .options(CredentialOptions.builder().environment(env).httpTransport(transport).executor(Runnable::run).build())
                .build().getToken(TokenRequestContext.of("https://management.azure.com/.default"));
        assertThat(transport.requests().get(0).uri().getHost()).isEqualTo("login.microsoftonline.us");
    }

    @Test
    void toString_namesNoValue() {
        assertThat(SystemEnvironment.of(Map.of("AZURE_CLIENT_SECRET", "p4ss"), Map.of()).toString()).doesNotContain("p4ss");
        assertThat(SystemEnvironment.INSTANCE.toString()).isEqualTo("SystemEnvironment");
    }

    /** Ids for the credential above. */
    private static final class ClientSecretCredentialTestValues {
        static final String TENANT = "72f988bf-86f1-41af-91ab-2d7cd011db47";
        static final String CLIENT = "00000000-0000-0000-0000-0000000000c1";
    }
}
