package dev.azid.differential;

import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Probes that share one process environment, so that each side runs them in one child JVM.
 *
 * @param name unique within a test class; names the child's output file
 * @param env the group's variables, from the side's emulator and files; a value of {@code ""} removes a base variable
 * @param probes the probes, run in order
 */
record Group(String name, Function<Side, Map<String, String>> env, List<Probe> probes) {

    /** Copies. */
    Group {
        probes = List.copyOf(probes);
    }

    static Group of(String name, Function<Side, Map<String, String>> env, Probe... probes) {
        return new Group(name, env, List.of(probes));
    }
}
