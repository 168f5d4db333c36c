package dev.azid.benchmarks;

import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Builds the command line and environment of every child JVM the same way: this JVM's {@code java},
 * default JVM options, the emulator's PKCS#12 trust store as the JVM trust store, the harness classes
 * plus one library's runtime classpath, and an environment of only {@code HOME} (a temporary
 * directory), {@code PATH} (an empty temporary directory: no az, azd or pwsh) and what each test adds.
 */
final class ChildLauncher {

    private final String java;
    private final List<String> trustOptions;
    private final String harnessClasspath;
    private final Path home;
    private final Path emptyPath;

    /**
     * @param trustStore the PKCS#12 trust store holding the emulator's CA
     * @param trustStorePassword its password
     * @param harnessClasspath the compiled harness classes (no library jars)
     * @param home the children's {@code HOME}
     * @param emptyPath the children's only {@code PATH} entry
     */
    ChildLauncher(Path trustStore, String trustStorePassword, String harnessClasspath, Path home, Path emptyPath) {
        this.java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        this.trustOptions = List.of("-Djavax.net.ssl.trustStore=" + trustStore,
                "-Djavax.net.ssl.trustStorePassword=" + trustStorePassword, "-Djavax.net.ssl.trustStoreType=PKCS12");
        this.harnessClasspath = harnessClasspath;
        this.home = home;
        this.emptyPath = emptyPath;
    }

    /**
     * Runs a child.
     *
     * @param libraryClasspath the library's runtime classpath, or empty for none
     * @param mainClass the child's main class
     * @param args its arguments
     * @param extraEnvironment variables on top of {@code HOME} and {@code PATH}
     * @param timeout the hard limit
     * @return what happened
     * @throws IOException if the process cannot be started
     * @throws InterruptedException if interrupted
     */
    ChildJvm.Result run(String libraryClasspath, Class<?> mainClass, List<String> args,
            Map<String, String> extraEnvironment, Duration timeout) throws IOException, InterruptedException {
        return ChildJvm.run(command(libraryClasspath, List.of(), mainClass, args), environment(extraEnvironment),
                timeout);
    }

    /**
     * The command line of a child.
     *
     * @param libraryClasspath the library's runtime classpath, or empty for none
     * @param jvmOptions options before the main class besides the classpath and trust store
     * @param mainClass the child's main class
     * @param args its arguments
     * @return the argument list (never run through a shell)
     */
    List<String> command(String libraryClasspath, List<String> jvmOptions, Class<?> mainClass, List<String> args) {
        List<String> command = new ArrayList<>();
        command.add(java);
        command.addAll(jvmOptions);
        command.add("-cp");
        command.add(libraryClasspath.isEmpty() ? harnessClasspath
                : harnessClasspath + File.pathSeparator + libraryClasspath);
        command.addAll(trustOptions);
        command.add(mainClass.getName());
        command.addAll(args);
        return command;
    }

    /**
     * The whole environment of a child.
     *
     * @param extraEnvironment variables on top of {@code HOME} and {@code PATH}
     * @return the environment
     */
    Map<String, String> environment(Map<String, String> extraEnvironment) {
        Map<String, String> env = new HashMap<>();
        env.put("HOME", home.toString());
        env.put("PATH", emptyPath.toString());
        env.putAll(extraEnvironment);
        return env;
    }
}
