package dev.azid.internal.env;

import dev.azid.Environment;
import java.util.Optional;

/** The process environment: the only place in azid that calls {@link System#getenv(String)}. */
public final class SystemEnvironment implements Environment {

    /** The single instance; it holds no state. */
    public static final SystemEnvironment INSTANCE = new SystemEnvironment();

    private SystemEnvironment() {
    }

    @Override
    public Optional<String> get(String name) {
        return Optional.ofNullable(System.getenv(name)).filter(v -> !v.isEmpty());
    }

    @Override
    public String toString() {
        return "SystemEnvironment";
    }
}
