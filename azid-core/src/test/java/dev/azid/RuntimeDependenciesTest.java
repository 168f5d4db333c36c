package dev.azid;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Fails the build when azid-core's runtime classpath grows beyond the two allowed libraries. */
class RuntimeDependenciesTest {

    @Test
    void runtimeClasspath_isExactlyAzureJsonAndSlf4jApi() throws IOException {
        String file = System.getProperty("azid.runtimeDependencies");
        assertThat(file).as("set by the surefire configuration").isNotNull();
        List<String> artifacts = Files.readAllLines(Path.of(file)).stream()
                .map(String::trim)
                .filter(l -> l.matches("[\\w.-]+:[\\w.-]+:jar:.*"))
                .map(l -> l.replaceAll(":jar:.*?:([a-z]+)(\\s.*)?$", ":$1"))
                .collect(Collectors.toList());
        assertThat(artifacts).containsExactlyInAnyOrder("com.azure:azure-json:compile", "org.slf4j:slf4j-api:compile");
    }
}
