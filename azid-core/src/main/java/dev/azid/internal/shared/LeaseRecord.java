package dev.azid.internal.shared;

import java.nio.charset.StandardCharsets;

/**
 * The content of a file store's lease file: {@code "<random id> <expiry, epoch millis> <description>"}.
 * Records of versions that wrote no description ({@code "<id> <expiry>"}) still parse.
 *
 * @param id the holder's random id, which only its holder knows to renew or release with
 * @param expiresAtMillis when the lease ends unless renewed or released
 * @param description what the holder said of itself ({@link HolderDescription})
 */
record LeaseRecord(String id, long expiresAtMillis, String description) {

    /** What a record without a description says of its holder. */
    static final String OLDER_HOLDER = "unknown (an older azid)";

    /**
     * Reads a record.
     *
     * @param record the file's bytes
     * @return the record, or {@code null} when it is malformed (no lease: the next holder overwrites it)
     */
    static LeaseRecord parse(byte[] record) {
        String[] parts = new String(record, StandardCharsets.US_ASCII).split(" ", 3);
        if (parts.length < 2 || parts[0].isEmpty()) {
            return null;
        }
        try {
            return new LeaseRecord(parts[0], Long.parseLong(parts[1]),
                    parts.length == 3 ? HolderDescription.sanitize(parts[2]) : OLDER_HOLDER);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** @return the file's bytes */
    byte[] bytes() {
        return (id + " " + expiresAtMillis + " " + description).getBytes(StandardCharsets.US_ASCII);
    }
}
