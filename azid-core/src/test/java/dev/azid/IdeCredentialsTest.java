package dev.azid;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IdeCredentialsTest {

    @TempDir
    Path home;

    @Test
    void visualStudioCode_withRecord_saysItWasFoundAndWhatToDo() throws Exception {
        Path record = home.resolve(".azure/ms-azuretools.vscode-azureresourcegroups/authRecord.json");
        Files.createDirectories(record.getParent());
        Files.writeString(record, "{\"username\":\"alice@contoso.com\"}");
        assertThatThrownBy(() -> VisualStudioCodeCredential.create(Environment.of(Map.of("HOME", home.toString())))
                .getToken(TokenRequestContext.of("https://x/.default")))
                .isInstanceOf(CredentialUnavailableException.class)
                .hasMessageStartingWith("VisualStudioCodeCredential: Found Visual Studio Code's sign-in record at " + record)
                .hasMessageContaining("az login").hasMessageNotContaining("alice");
    }

    @Test
    void visualStudioCode_withoutRecord_isUnavailable() {
        assertThatThrownBy(() -> VisualStudioCodeCredential.create(Environment.of(Map.of("HOME", home.toString())))
                .getToken(TokenRequestContext.of("https://x/.default")))
                .isInstanceOf(CredentialUnavailableException.class).hasMessageContaining("azd auth login");
    }

    @Test
    void intelliJ_isUnavailableWithRemedy() {
        assertThatThrownBy(() -> IntelliJCredential.create().getToken(TokenRequestContext.of("https://x/.default")))
                .isInstanceOf(CredentialUnavailableException.class).hasMessageContaining("az login");
    }
}
