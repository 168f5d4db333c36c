package dev.azid.internal.shared;

import dev.azid.Environment;
import dev.azid.internal.io.BoundedFileReader;
import dev.azid.internal.io.FileLimit;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * What a lease holder says of itself, {@code "pid <pid> on <host>"}, for waiters' log lines and
 * {@code azid doctor}: never a secret. The host name comes from the kernel
 * ({@code /proc/sys/kernel/hostname}, through the bounded file reader) or the environment
 * ({@code COMPUTERNAME} on Windows, {@code HOSTNAME}), never from a DNS lookup, which can block;
 * without one the description is the process id alone.
 */
final class HolderDescription {

    private static final Path KERNEL_HOSTNAME = Path.of("/proc/sys/kernel/hostname");
    private static final FileLimit HOSTNAME = new FileLimit("host name files", 256, false);
    private static final Pattern HOST = Pattern.compile("[A-Za-z0-9._-]{1,64}");
    private static final int MAX_DESCRIPTION = 128;

    private HolderDescription() {
    }

    /**
     * Describes this process.
     *
     * @param files reads the kernel's host name
     * @param environment the fallback for the host name
     * @return {@code "pid <pid> on <host>"}, or {@code "pid <pid>"} when no host name is known
     */
    static String ofThisProcess(BoundedFileReader files, Environment environment) {
        return describe(ProcessHandle.current().pid(), hostName(files, environment));
    }

    static String describe(long pid, Optional<String> host) {
        return host.map(h -> "pid " + pid + " on " + h).orElse("pid " + pid);
    }

    static Optional<String> hostName(BoundedFileReader files, Environment environment) {
        try {
            Optional<String> kernel = clean(new String(files.read(KERNEL_HOSTNAME, HOSTNAME), StandardCharsets.US_ASCII));
            if (kernel.isPresent()) {
                return kernel;
            }
        } catch (IOException | RuntimeException e) {
            // Not Linux, or /proc is not mounted: the environment may still name the host.
        }
        return environment.get("COMPUTERNAME").flatMap(HolderDescription::clean)
                .or(() -> environment.get("HOSTNAME").flatMap(HolderDescription::clean));
    }

    private static Optional<String> clean(String raw) {
        String host = raw.strip();
        return HOST.matcher(host).matches() ? Optional.of(host) : Optional.empty();
    }

    /**
     * Makes a description read from a store safe to show: printable ASCII only, at most 128 characters.
     *
     * @param raw what the store holds
     * @return the description, or {@code "unknown"} when nothing printable is left
     */
    static String sanitize(String raw) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < raw.length() && out.length() < MAX_DESCRIPTION; i++) {
            char c = raw.charAt(i);
            out.append(c >= 0x20 && c < 0x7f ? c : '?');
        }
        String s = out.toString().strip();
        return s.isEmpty() ? "unknown" : s;
    }
}
