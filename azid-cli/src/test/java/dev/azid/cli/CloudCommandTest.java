package dev.azid.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.azid.emulator.AzidEmulator;
import dev.azid.emulator.EntraEmulator;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

@AzidEmulator
class CloudCommandTest {

    @Test
    void list_tableAndJson() {
        Cli table = Cli.run(Map.of(), "cloud", "list");
        assertThat(table.code).isZero();
        assertThat(table.out()).contains("AzureCloud", "AzureChinaCloud", "AzureUSGovernment", "AzureGermanCloud",
                "https://login.microsoftonline.us");
        Cli json = Cli.run(Map.of(), "cloud", "list", "--output", "json");
        assertThat(json.out()).startsWith("[{\"name\":\"AzureCloud\"");
    }

    @Test
    void show_namedCloud_printsEveryEndpoint() {
        Cli cli = Cli.run(Map.of(), "cloud", "show", "azurechinacloud");
        assertThat(cli.code).isZero();
        Map<String, Object> json = CliJson.parse(cli.out().getBytes(StandardCharsets.UTF_8));
        assertThat(json).containsEntry("authorityHost", "https://login.chinacloudapi.cn");
        assertThat(json.get("suffixes").toString()).contains(".vault.azure.cn");
        assertThat(Cli.run(Map.of(), "cloud", "show", "Mars").code).isEqualTo(2);
        assertThat(Cli.run(Map.of(), "cloud", "show", "AzureCloud", "--output", "table").out())
                .contains("suffixes.keyVaultDns", ".vault.azure.net");
    }

    @Test
    void discover_emulator_yieldsItsEndpoints(EntraEmulator emulator) {
        Cli cli = Cli.run(Map.of(), "cloud", "discover", emulator.endpoints().armEndpoint().toString(), "--ca-file",
                emulator.endpoints().caCertificate().toString());
        assertThat(cli.code).as(cli.err()).isZero();
        Map<String, Object> json = CliJson.parse(cli.out().getBytes(StandardCharsets.UTF_8));
        assertThat(json).containsEntry("name", "AzidEmulator").containsEntry("authorityHost", emulator.authorityHost().toString());
        Cli bad = Cli.run(Map.of(), "cloud", "discover", "https://127.0.0.1:1/", "--ca-file",
                emulator.endpoints().caCertificate().toString());
        assertThat(bad.code).isEqualTo(1);
        assertThat(bad.err()).contains("CloudDiscovery: GET https://127.0.0.1:1/metadata/endpoints");
        assertThat(List.of(bad.err().split("\n"))).noneMatch(l -> l.startsWith("\tat "));
    }
}
