package dev.azid.benchmarks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/** The machine and JVM a report describes, from {@code /proc} (Linux) and system properties. */
final class MachineInfo {

    private MachineInfo() {
    }

    /** @return the processors this JVM may use (what {@code nproc} prints) */
    static int processors() {
        return Runtime.getRuntime().availableProcessors();
    }

    /** @return the first {@code model name} in {@code /proc/cpuinfo}, or "unknown" */
    static String cpuModel() {
        return procField("/proc/cpuinfo", "model name").orElse("unknown");
    }

    /** @return {@code MemTotal} from {@code /proc/meminfo} in GiB, or "unknown" */
    static String memory() {
        return procField("/proc/meminfo", "MemTotal").map(v -> {
            long kb = Long.parseLong(v.replaceAll("[^0-9]", ""));
            return String.format(Locale.ROOT, "%.1f GiB", kb / 1024.0 / 1024.0);
        }).orElse("unknown");
    }

    /** @return the 1, 5 and 15 minute load averages from {@code /proc/loadavg}, or "unknown" */
    static String loadAverage() {
        try {
            String[] f = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
            return f[0] + " / " + f[1] + " / " + f[2];
        } catch (IOException | RuntimeException e) {
            return "unknown";
        }
    }

    /** @return the JVM's name, version and vendor */
    static String jvm() {
        return System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version") + " ("
                + System.getProperty("java.vendor") + ")";
    }

    /** @return the operating system's name, version and architecture */
    static String os() {
        return System.getProperty("os.name") + " " + System.getProperty("os.version") + " "
                + System.getProperty("os.arch");
    }

    private static java.util.Optional<String> procField(String file, String name) {
        try {
            return Files.readAllLines(Path.of(file)).stream().filter(l -> l.startsWith(name))
                    .map(l -> l.substring(l.indexOf(':') + 1).trim()).findFirst();
        } catch (IOException | RuntimeException e) {
            return java.util.Optional.empty();
        }
    }
}
