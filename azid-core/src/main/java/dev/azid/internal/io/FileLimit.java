package dev.azid.internal.io;

import java.util.Objects;

/**
 * A kind of file azid reads, with its size cap. The caps are far above any real file of the kind and
 * far below what could exhaust memory.
 *
 * @param kind the kind in the plural, for messages ({@code "certificate files"})
 * @param maxBytes the largest accepted size
 * @param followLinks whether a symbolic link at the path is followed (Kubernetes projects token files
 *     through links); when not, a link is refused like any other non-regular file
 */
public record FileLimit(String kind, int maxBytes, boolean followLinks) {

    private static final int KIB = 1024;
    private static final int MIB = 1024 * KIB;

    /** PEM and PKCS#12 client certificates: real ones are a few KiB. */
    public static final FileLimit CERTIFICATE = new FileLimit("certificate files", MIB, true);

    /** Projected service-account tokens (workload identity): real ones are 1 to 2 KiB. */
    public static final FileLimit FEDERATED_TOKEN = new FileLimit("federated token files", 64 * KIB, true);

    /** SDK auth files, JSON or properties: real ones are under 2 KiB. */
    public static final FileLimit AUTH_FILE = new FileLimit("SDK auth files", MIB, true);

    /** Azure Arc key files: the agent writes a short random secret; never through a link (Arc advisory). */
    public static final FileLimit ARC_KEY = new FileLimit("Arc key files", 4 * KIB, false);

    /** The persistent token cache: a few KiB per signed-in account. */
    public static final FileLimit TOKEN_CACHE = new FileLimit("token cache files", 8 * MIB, true);

    /** CA certificates the CLI trusts ({@code --ca-file}): a whole system bundle is about 220 KiB. */
    public static final FileLimit CA_CERTIFICATES = new FileLimit("CA certificate files", MIB, true);

    /**
     * Checks the values.
     *
     * @throws IllegalArgumentException if the cap is negative or too large to hold in one array
     */
    public FileLimit {
        Objects.requireNonNull(kind, "kind");
        if (maxBytes < 0 || maxBytes > Integer.MAX_VALUE - 16) {
            throw new IllegalArgumentException("maxBytes must be from 0 to " + (Integer.MAX_VALUE - 16) + ": " + maxBytes);
        }
    }

    /**
     * The cap for messages: {@code "1 MiB"}, {@code "64 KiB"}, or {@code "4096 bytes"} below 64 KiB.
     *
     * @return the cap, readably
     */
    public String describeCap() {
        if (maxBytes >= 64 * KIB && maxBytes % MIB == 0) {
            return maxBytes / MIB + " MiB";
        }
        if (maxBytes >= 64 * KIB && maxBytes % KIB == 0) {
            return maxBytes / KIB + " KiB";
        }
        return maxBytes + " bytes";
    }
}
