package dev.azid.azure.identity.migration;

import com.azure.core.util.Configuration;
import java.util.Map;

/** Hermetic azure-core configurations for tests outside this package. */
public final class TestConfigurations {

    /** Creates the factory. */
    public TestConfigurations() {
    }

    /** @return a configuration with no variable at all */
    public Configuration empty() {
        return new MapConfiguration(Map.of());
    }

    /**
     * @param name a variable
     * @param value its value
     * @return a configuration with exactly that variable
     */
    public Configuration of(String name, String value) {
        return new MapConfiguration(Map.of(name, value));
    }

    /**
     * @param variables the variables
     * @return a configuration with exactly those variables
     */
    public Configuration of(Map<String, String> variables) {
        return new MapConfiguration(variables);
    }
}
