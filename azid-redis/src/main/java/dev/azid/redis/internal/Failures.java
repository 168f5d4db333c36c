package dev.azid.redis.internal;

import java.io.IOException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import redis.clients.jedis.exceptions.JedisConnectionException;
import redis.clients.jedis.exceptions.JedisDataException;
import redis.clients.jedis.exceptions.JedisException;

/**
 * Turns the Redis client's exceptions into the {@link IOException} a store reports, worded
 * {@code Redis at <host:port>: <command> failed (<why>).} (a "...Token...: " label would read as a
 * secret to azid's redaction). A server's
 * error text can echo a command's arguments (a value, a password), so only its error code
 * ({@code WRONGPASS}, {@code NOAUTH}, {@code READONLY}, ...) is kept; connection failures keep the
 * client's text, which names the address and the socket problem only.
 */
public final class Failures {

    private static final Pattern CODE = Pattern.compile("^([A-Z][A-Z_-]{1,31})\\b");

    private Failures() {
    }

    /**
     * Wraps a client exception.
     *
     * @param what the server and the operation, for example {@code "127.0.0.1:6379: GET"}
     * @param e what the client threw
     * @return the exception to throw
     */
    public static IOException wrap(String what, JedisException e) {
        String detail;
        if (e instanceof JedisDataException) {
            detail = "the server answered " + code(e);
        } else if (e instanceof JedisConnectionException) {
            detail = "connection failed" + (e.getMessage() == null ? "" : ": " + clip(e.getMessage()));
        } else {
            detail = e.getClass().getSimpleName();
        }
        // The cause is kept for its class and stack only when it cannot carry server text.
        return e instanceof JedisDataException
                ? new IOException("Redis at " + what + " failed (" + detail + ").")
                : new IOException("Redis at " + what + " failed (" + detail + ").", e);
    }

    /**
     * The error code of a server's answer, without the rest of its text.
     *
     * @param e the server's error
     * @return its code, such as {@code NOPERM}, or {@code "an error"}
     */
    public static String code(JedisException e) {
        Matcher m = CODE.matcher(String.valueOf(e.getMessage()));
        return m.find() ? m.group(1) : "an error";
    }

    private static String clip(String s) {
        return s.length() <= 200 ? s : s.substring(0, 200) + "...";
    }
}
