package dev.azid.internal.io;

import java.io.IOException;
import java.nio.file.Path;

/**
 * A file azid will not read: not a regular file, over its size cap, swapped while being opened, or
 * too slow to read. The {@link #reason()} is a phrase that follows the path in a message and never
 * holds any of the file's content.
 */
public final class FileRefusedException extends IOException {

    private static final long serialVersionUID = 1L;

    private final transient Path path;
    private final String reason;

    /**
     * Creates it.
     *
     * @param path the file
     * @param reason what is wrong, as a phrase after the path ({@code "is larger than 1 MiB, ..."})
     */
    public FileRefusedException(Path path, String reason) {
        super(path + " " + reason);
        this.path = path;
        this.reason = reason;
    }

    /** @return the file */
    public Path path() {
        return path;
    }

    /** @return what is wrong, as a phrase that follows the path */
    public String reason() {
        return reason;
    }

    static FileRefusedException notRegular(Path path, String what, FileLimit limit) {
        return new FileRefusedException(path, "is not a regular file (it is " + what + "); " + limit.kind()
                + " must be regular files");
    }

    static FileRefusedException tooLarge(Path path, FileLimit limit) {
        return new FileRefusedException(path, "is larger than " + limit.describeCap() + ", the limit for " + limit.kind());
    }
}
