package dev.azid.redis.internal;

import dev.azid.Environment;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The value of a lease key: {@code "<random id> <description>"}, where the description is what the
 * holder says of itself, {@code "pid <pid> on <host>"}, never a secret. Values of versions that
 * wrote the id alone still parse. The host name comes from the kernel
 * ({@code /proc/sys/kernel/hostname}, a memory file read at most 256 bytes) or the environment
 * ({@code COMPUTERNAME}, {@code HOSTNAME}), never from a DNS lookup, which can block.
 */
final class LeaseValue {

    /** What a value without a description says of its holder. */
    static final String OLDER_HOLDER = "unknown (an older azid)";
    private static final Path KERNEL_HOSTNAME = Path.of("/proc/sys/kernel/hostname");
    private static final int MAX_DESCRIPTION = 128;

    private LeaseValue() {
    }

    /**
     * Describes this process.
     *
     * @param environment names the host when the kernel does not
     * @return {@code "pid <pid> on <host>"}, or {@code "pid <pid>"} when no host name is known
     */
    static String thisProcess(Environment environment) {
        long pid = ProcessHandle.current().pid();
        return host(environment).map(h -> "pid " + pid + " on " + h).orElse("pid " + pid);
    }

    /**
     * The description in a lease value, made safe to show.
     *
     * @param value the lease key's value
     * @return printable ASCII, at most 128 characters
     */
    static String description(String value) {
        int space = value.indexOf(' ');
        if (space < 0) {
            return OLDER_HOLDER;
        }
        String d = value.substring(space + 1).replaceAll("[^\\x20-\\x7e]", "?").strip();
        return d.isEmpty() ? OLDER_HOLDER : d.substring(0, Math.min(d.length(), MAX_DESCRIPTION));
    }

    private static Optional<String> host(Environment environment) {
        if (Files.isRegularFile(KERNEL_HOSTNAME, LinkOption.NOFOLLOW_LINKS)) {
            try (InputStream in = Files.newInputStream(KERNEL_HOSTNAME, LinkOption.NOFOLLOW_LINKS)) {
                Optional<String> kernel = clean(new String(in.readNBytes(256), StandardCharsets.US_ASCII));
                if (kernel.isPresent()) {
                    return kernel;
                }
            } catch (IOException | RuntimeException e) {
                // The environment may still name the host.
            }
        }
        return environment.get("COMPUTERNAME").flatMap(LeaseValue::clean)
                .or(() -> environment.get("HOSTNAME").flatMap(LeaseValue::clean));
    }

    static Optional<String> clean(String raw) {
        String host = raw.strip();
        return host.matches("[A-Za-z0-9._-]{1,64}") ? Optional.of(host) : Optional.empty();
    }
}
