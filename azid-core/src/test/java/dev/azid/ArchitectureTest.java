package dev.azid;

import static org.assertj.core.api.Assertions.assertThat;

import dev.azid.test.arch.ClassFileReferences;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Executable;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.lang.reflect.WildcardType;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The layering rules, checked on the compiled main classes: no cycle between {@code internal}
 * packages, and no {@code internal} type in a public signature of {@code dev.azid} or
 * {@code dev.azid.http} (users could not name it, and it would freeze an internal type as API).
 */
class ArchitectureTest {

    private static final String INTERNAL = "dev.azid.internal.";

    /** Every main class of azid-core, by binary name, with the azid-core classes it refers to. */
    private static Map<String, Set<String>> mainClasses() throws IOException, URISyntaxException {
        Path root = Path.of(AccessToken.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        Map<String, Set<String>> out = new TreeMap<>();
        try (Stream<Path> files = Files.walk(root)) {
            for (Path p : files.filter(f -> f.toString().endsWith(".class")).toList()) {
                String name = root.relativize(p).toString().replace('\\', '/').replace(".class", "").replace('/', '.');
                if (name.equals("module-info")) {
                    continue;
                }
                try (InputStream in = Files.newInputStream(p)) {
                    Set<String> refs = new TreeSet<>(ClassFileReferences.of(in));
                    refs.removeIf(r -> !r.startsWith("dev.azid."));
                    out.put(name, refs);
                }
            }
        }
        return out;
    }

    private static String packageOf(String className) {
        return className.substring(0, className.lastIndexOf('.'));
    }

    @Test
    void internalPackages_haveNoDependencyCycle() throws Exception {
        Map<String, Set<String>> graph = new TreeMap<>();
        Map<String, String> witness = new HashMap<>();
        for (Map.Entry<String, Set<String>> e : mainClasses().entrySet()) {
            String from = packageOf(e.getKey());
            if (!from.startsWith(INTERNAL)) {
                continue;
            }
            for (String ref : e.getValue()) {
                String to = packageOf(ref);
                if (to.startsWith(INTERNAL) && !to.equals(from)) {
                    graph.computeIfAbsent(from, k -> new TreeSet<>()).add(to);
                    witness.putIfAbsent(from + " -> " + to, e.getKey() + " uses " + ref);
                }
            }
        }
        List<String> cycles = new ArrayList<>();
        for (Set<String> component : stronglyConnected(graph)) {
            if (component.size() > 1) {
                List<String> edges = new ArrayList<>();
                for (String a : component) {
                    for (String b : graph.getOrDefault(a, Set.of())) {
                        if (component.contains(b)) {
                            edges.add(witness.get(a + " -> " + b));
                        }
                    }
                }
                cycles.add(component + " through " + edges);
            }
        }
        assertThat(cycles).as("cycles between internal packages").isEmpty();
    }

    @Test
    void publicApi_exposesNoInternalType() throws Exception {
        List<String> leaks = new ArrayList<>();
        for (String name : mainClasses().keySet()) {
            String pkg = packageOf(name);
            if (!pkg.equals("dev.azid") && !pkg.equals("dev.azid.http")) {
                continue;
            }
            Class<?> type = Class.forName(name, false, getClass().getClassLoader());
            if (!isVisible(type)) {
                continue;
            }
            check(leaks, type + " extends", type.getGenericSuperclass());
            for (Type t : type.getGenericInterfaces()) {
                check(leaks, type + " implements", t);
            }
            for (Field f : type.getDeclaredFields()) {
                if (isVisible(f.getModifiers())) {
                    check(leaks, f.toString(), f.getGenericType());
                }
            }
            List<Executable> members = new ArrayList<>(List.of(type.getDeclaredMethods()));
            members.addAll(List.of(type.getDeclaredConstructors()));
            for (Executable m : members) {
                if (!isVisible(m.getModifiers()) || m.isSynthetic()) {
                    continue;
                }
                for (Type t : m.getGenericParameterTypes()) {
                    check(leaks, m.toString(), t);
                }
                for (Type t : m.getGenericExceptionTypes()) {
                    check(leaks, m.toString(), t);
                }
                if (m instanceof java.lang.reflect.Method method) {
                    check(leaks, m.toString(), method.getGenericReturnType());
                }
            }
        }
        assertThat(leaks).as("internal types in public signatures").isEmpty();
    }

    private static boolean isVisible(Class<?> type) {
        for (Class<?> c = type; c != null; c = c.getEnclosingClass()) {
            if (!Modifier.isPublic(c.getModifiers()) && !(c != type && Modifier.isProtected(c.getModifiers()))) {
                return false;
            }
        }
        return true;
    }

    private static boolean isVisible(int modifiers) {
        return Modifier.isPublic(modifiers) || Modifier.isProtected(modifiers);
    }

    private static void check(List<String> leaks, String where, Type type) {
        Deque<Type> todo = new ArrayDeque<>();
        if (type != null) {
            todo.add(type);
        }
        while (!todo.isEmpty()) {
            Type t = todo.poll();
            if (t instanceof Class<?> c) {
                Class<?> e = c;
                while (e.isArray()) {
                    e = e.getComponentType();
                }
                if (e.getName().startsWith(INTERNAL)) {
                    leaks.add(where + " names " + e.getName());
                }
            } else if (t instanceof ParameterizedType p) {
                todo.add(p.getRawType());
                todo.addAll(List.of(p.getActualTypeArguments()));
            } else if (t instanceof WildcardType w) {
                todo.addAll(List.of(w.getUpperBounds()));
                todo.addAll(List.of(w.getLowerBounds()));
            } else if (t instanceof java.lang.reflect.GenericArrayType g) {
                todo.add(g.getGenericComponentType());
            }
        }
    }

    /** Tarjan's algorithm, iterative enough for a graph of a few dozen packages. */
    private static List<Set<String>> stronglyConnected(Map<String, Set<String>> graph) {
        Set<String> nodes = new TreeSet<>(graph.keySet());
        graph.values().forEach(nodes::addAll);
        Map<String, Integer> index = new HashMap<>();
        Map<String, Integer> low = new HashMap<>();
        Deque<String> stack = new ArrayDeque<>();
        Set<String> onStack = new TreeSet<>();
        List<Set<String>> out = new ArrayList<>();
        int[] counter = {0};
        for (String n : nodes) {
            if (!index.containsKey(n)) {
                visit(n, graph, index, low, stack, onStack, out, counter);
            }
        }
        return out;
    }

    private static void visit(String v, Map<String, Set<String>> graph, Map<String, Integer> index,
            Map<String, Integer> low, Deque<String> stack, Set<String> onStack, List<Set<String>> out, int[] counter) {
        index.put(v, counter[0]);
        low.put(v, counter[0]++);
        stack.push(v);
        onStack.add(v);
        for (String w : graph.getOrDefault(v, Set.of())) {
            if (!index.containsKey(w)) {
                visit(w, graph, index, low, stack, onStack, out, counter);
                low.put(v, Math.min(low.get(v), low.get(w)));
            } else if (onStack.contains(w)) {
                low.put(v, Math.min(low.get(v), index.get(w)));
            }
        }
        if (low.get(v).equals(index.get(v))) {
            Set<String> component = new TreeSet<>();
            String w;
            do {
                w = stack.pop();
                onStack.remove(w);
                component.add(w);
            } while (!w.equals(v));
            out.add(component);
        }
    }
}
