package dev.azid;

import dev.azid.test.ForeignInput;
import dev.azid.test.ForeignOutcome;
import dev.azid.test.ScriptedTransport;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import dev.azid.test.gen.Gen;
import dev.azid.test.gen.Gens;
import dev.azid.test.gen.Property;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Fuzzes the configuration azid reads from outside: ARM cloud metadata (both api-versions' shapes)
 * and SDK auth files (JSON and properties). Bad input gives the documented exception
 * ({@link CloudDiscoveryException}, or {@link IllegalArgumentException} for a file the caller
 * named), never another kind, and never shows a secret the input holds.
 */
class ConfigurationInputFuzzTest {

    private static final List<String> CLOUD_FIELDS = List.of("name", "resourceManager", "portal", "graph",
            "microsoftGraphResourceId", "sqlManagement", "batch", "gallery", "loginEndpoint", "audiences", "tenant",
            "identityProvider", "authentication", "suffixes", "galleryEndpoint", "graphEndpoint", "portalEndpoint");
    private static final List<String> AUTH_FIELDS = List.of("clientId", "clientSecret", "subscriptionId", "tenantId",
            "activeDirectoryEndpointUrl", "resourceManagerEndpointUrl", "activeDirectoryGraphResourceId",
            "managementEndpointUrl", "clientCertificate", "clientCertificatePassword");

    @TempDir
    static Path dir;

    record Metadata(String body, boolean array, String secret) {
    }

    private static Gen<Metadata> metadata() {
        return ForeignInput.secret().flatMap(secret -> Gens.combine(
                ForeignInput.jsonBody(secret, CLOUD_FIELDS), Gens.of(true, false),
                Gens.of("", ",\"authentication\":{\"loginEndpoint\":\"https://login.x/\",\"audiences\":[\"https://m/\"]}",
                        ",\"authentication\":{\"loginEndpoint\":\"http://a@127.0.0.1/\",\"audiences\":[]}",
                        ",\"authentication\":{\"loginEndpoint\":7}", ",\"authentication\":[]"))
                .as((body, array, auth) -> {
                    String b = body.startsWith("{") && body.endsWith("}") && body.length() > 2
                            ? body.substring(0, body.length() - 1) + auth + "}" : body;
                    return new Metadata(array ? "[" + b + "]" : b, array, secret);
                }));
    }

    @Test
    void cloudDiscovery_anyMetadata_cloudOrCloudDiscoveryException() {
        Property.forAll(400, metadata(), m -> {
            ScriptedTransport transport = new ScriptedTransport().always(r -> ScriptedTransport.json(200, m.body(), Map.of()));
            CloudDiscovery discovery = CloudDiscovery.builder().httpTransport(transport).build();
            Object cloud = ForeignOutcome.credential().alsoAllowing(CloudDiscoveryException.class)
                    .assertSafe(List.of(m.secret()), () -> discovery.discover(URI.create("https://management.local.azurestack.external/")));
            if (cloud instanceof AzureCloud c) {
                org.assertj.core.api.Assertions.assertThat(c.authorityHost().getScheme()).isEqualTo("https");
                org.assertj.core.api.Assertions.assertThat(c.authorityHost().getRawUserInfo()).isNull();
            }
        });
    }

    private static Gen<String> authFiles() {
        Gen<String> properties = ForeignInput.secret().flatMap(secret -> Gens.combine(
                Gens.of("subscription", "client", "key", "tenant", "certificate", "certificatePassword",
                        "managementURI", "baseURL", "authURL", "graphURL", "other").list().ofMaxSize(10),
                Gens.strings().withCharRange(' ', '~').withChars('\\', '\n', '=').ofMaxLength(40))
                .as((keys, value) -> String.join("\n", keys.stream()
                        .map(k -> k.equals("key") || k.equals("certificatePassword") ? k + "=" + secret : k + "=" + value)
                        .toList())));
        // Non-secret fields (ids, URLs) are shown on purpose, so they carry a decoy marker ("Dq..."), and
        // the real secret goes only where a secret belongs.
        Gen<String> json = Gens.combine(ForeignInput.secret(), ForeignInput.secret())
                .flatAs((secret, decoy) -> ForeignInput.jsonBody("D" + decoy.substring(1), AUTH_FIELDS)
                        .map(b -> b.replace("\"clientSecret\":", "\"clientSecret\":\"" + secret + "\",\"x\":")
                                .replace("\"clientCertificatePassword\":", "\"clientCertificatePassword\":\"" + secret
                                        + "\",\"y\":")));
        return Gens.oneOf(properties, json);
    }

    @Test
    void authFile_anyContents_authFileOrIllegalArgument() throws Exception {
        Property.forAll(400, authFiles(), text -> {
            Path file = Files.createTempFile(dir, "auth", ".json");
            try {
                // getBytes replaces lone surrogates, which writeString refuses.
                Files.write(file, text.getBytes(java.nio.charset.StandardCharsets.UTF_8));
                List<String> secrets = secretsIn(text);
                ForeignOutcome.credential().alsoAllowing(IllegalArgumentException.class).assertSafe(secrets, () -> {
                    AzureAuthFile auth = AzureAuthFile.fromPath(file);
                    org.assertj.core.api.Assertions.assertThat(auth.toString()).satisfies(s -> secrets.forEach(
                            secret -> org.assertj.core.api.Assertions.assertThat(s).doesNotContain(secret)));
                    return auth;
                });
            } finally {
                Files.deleteIfExists(file);
            }
        });
    }

    private static List<String> secretsIn(String text) {
        return java.util.regex.Pattern.compile("Zq[A-Za-z0-9]{16,40}").matcher(text).results()
                .map(java.util.regex.MatchResult::group).distinct().toList();
    }
}
