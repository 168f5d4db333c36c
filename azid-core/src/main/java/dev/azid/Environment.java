package dev.azid;

import dev.azid.internal.env.SystemEnvironment;
import java.util.Map;
import java.util.Optional;

/**
 * Where credentials read environment variables. The default is the process's configuration, read
 * as azure-core's {@code Configuration} reads it: a JVM system property of the same name
 * ({@code -DAZURE_CLIENT_ID=...}) wins over the environment variable; pass
 * {@link #of(Map)} to a builder to configure a credential from a map instead, for example in tests
 * or to run several differently configured credentials in one process, without touching the real
 * environment.
 */
@FunctionalInterface
public interface Environment {

    /**
     * Returns the value of a variable.
     *
     * @param name the variable name
     * @return its value, or empty when it is unset or empty
     */
    Optional<String> get(String name);

    /**
     * The process's configuration: for each name, the JVM system property of that name when it is
     * set and not empty, else the environment variable (the precedence of azure-core's
     * {@code Configuration}). Applies to every name azid reads, {@code AZURE_*} and the managed
     * identity and proxy variables alike.
     *
     * @return the process's configuration
     */
    static Environment system() {
        return SystemEnvironment.INSTANCE;
    }

    /**
     * An environment holding exactly the given variables.
     *
     * @param variables the variables; copied
     * @return the environment
     */
    static Environment of(Map<String, String> variables) {
        Map<String, String> copy = Map.copyOf(variables);
        return name -> Optional.ofNullable(copy.get(name)).filter(v -> !v.isEmpty());
    }
}
