package dev.azid.redis.internal;

import java.io.IOException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import redis.clients.jedis.exceptions.JedisConnectionException;
import redis.clients.jedis.exceptions.JedisDataException;
import redis.clients.jedis.exceptions.JedisException;

/**
 * Turns the Redis client's exceptions into the {@link IOException} a store reports. A server's
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
     * @param what the operation and the server, for example {@code "GET on 127.0.0.1:6379"}
     * @param e what the client threw
     * @return the exception to throw
     */
    public static IOException wrap(String what, JedisException e) {
        String detail;
        if (e instanceof JedisDataException) {
            Matcher m = CODE.matcher(String.valueOf(e.getMessage()));
            detail = "the server answered " + (m.find() ? m.group(1) : "an error");
        } else if (e instanceof JedisConnectionException) {
            detail = "connection failed" + (e.getMessage() == null ? "" : ": " + clip(e.getMessage()));
        } else {
            detail = e.getClass().getSimpleName();
        }
        // The cause is kept for its class and stack only when it cannot carry server text.
        return e instanceof JedisDataException
                ? new IOException("RedisTokenStore: " + what + " failed (" + detail + ").")
                : new IOException("RedisTokenStore: " + what + " failed (" + detail + ").", e);
    }

    private static String clip(String s) {
        return s.length() <= 200 ? s : s.substring(0, 200) + "...";
    }
}
