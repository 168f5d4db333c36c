package dev.azid.azure.identity;

import com.azure.core.util.Configuration;
import dev.azid.Environment;
import java.util.Objects;
import java.util.Optional;

/**
 * azid's {@link Environment} seam read through azure-core's {@link Configuration}: what a builder's
 * {@code configuration(...)} sets, else {@link Configuration#getGlobalConfiguration()}, as in
 * azure-identity. azure-core's {@code Configuration.get(name)} looks the name up as a JVM system
 * property first and as an environment variable second, so the compatibility builders honour both,
 * in that order.
 */
final class ConfigurationEnvironment implements Environment {

    private final Configuration configuration;

    private ConfigurationEnvironment(Configuration configuration) {
        this.configuration = configuration;
    }

    /**
     * The view over a configuration.
     *
     * @param configuration the configuration, or {@code null} for the global one
     * @return the environment
     */
    static Environment of(Configuration configuration) {
        return new ConfigurationEnvironment(
                configuration == null ? Configuration.getGlobalConfiguration() : Objects.requireNonNull(configuration));
    }

    @Override
    public Optional<String> get(String name) {
        return Optional.ofNullable(configuration.get(name)).filter(v -> !v.isEmpty());
    }

    @Override
    public String toString() {
        return "ConfigurationEnvironment";
    }
}
