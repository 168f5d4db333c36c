package dev.azid.internal.env;

import dev.azid.Environment;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * The process's configuration, read as azure-core's {@code Configuration} reads it: a JVM system
 * property with the variable's name first ({@code -DAZURE_TENANT_ID=...}), then the environment
 * variable. Empty values count as unset at both levels, so an empty property does not hide a
 * variable. This class and {@link #INSTANCE} are the only places in azid that call
 * {@link System#getenv(String)} and read system properties for configuration.
 */
public final class SystemEnvironment implements Environment {

    /** The process: {@link System#getProperty(String)}, then {@link System#getenv(String)}. Holds no state. */
    public static final SystemEnvironment INSTANCE = new SystemEnvironment(System::getProperty, System::getenv, "SystemEnvironment");

    private final UnaryOperator<String> properties;
    private final UnaryOperator<String> variables;
    private final String description;

    private SystemEnvironment(UnaryOperator<String> properties, UnaryOperator<String> variables, String description) {
        this.properties = properties;
        this.variables = variables;
        this.description = description;
    }

    /**
     * The same precedence over given maps instead of the process, for tests.
     *
     * @param properties stands in for the system properties; copied
     * @param variables stands in for the environment variables; copied
     * @return the environment
     */
    public static SystemEnvironment of(Map<String, String> properties, Map<String, String> variables) {
        Map<String, String> p = Map.copyOf(properties);
        Map<String, String> v = Map.copyOf(variables);
        return new SystemEnvironment(p::get, v::get, "SystemEnvironment[maps]");
    }

    /**
     * Returns the system property of that name when it is set and not empty, else the variable.
     *
     * @param name the variable name
     * @return its value, or empty when both are unset or empty
     */
    @Override
    public Optional<String> get(String name) {
        Objects.requireNonNull(name, "name");
        return Optional.ofNullable(properties.apply(name)).filter(v -> !v.isEmpty())
                .or(() -> Optional.ofNullable(variables.apply(name)).filter(v -> !v.isEmpty()));
    }

    @Override
    public String toString() {
        return description;
    }
}
