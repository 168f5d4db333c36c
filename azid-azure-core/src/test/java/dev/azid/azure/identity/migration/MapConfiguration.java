package dev.azid.azure.identity.migration;

import com.azure.core.util.Configuration;
import java.util.Map;

/**
 * An azure-core {@link Configuration} holding exactly the given variables, as a host would set them,
 * without the process environment: the tests never read or change the real one.
 */
final class MapConfiguration extends Configuration {

    private final Map<String, String> variables;

    MapConfiguration(Map<String, String> variables) {
        this.variables = Map.copyOf(variables);
    }

    @Override
    public String get(String name) {
        return variables.get(name);
    }

    @Override
    public boolean contains(String name) {
        return variables.containsKey(name);
    }

    @Override
    public MapConfiguration clone() {
        return this;
    }
}
