package dev.azid.redis.internal;

import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;

/**
 * The Redis names of one store's entries, all under its prefix: for a key {@code k}, the value
 * {@code <prefix>k}, the lease {@code <prefix>k:lease} and the channel {@code <prefix>k:changed}
 * on which a put or a release is published; one pattern subscription
 * ({@code <prefix>*:changed}) hears every key's channel.
 */
public final class RedisNames {

    private static final Pattern KEY = Pattern.compile("[0-9A-Za-z_.-]{1,128}");
    private static final String LEASE = ":lease";
    private static final String CHANGED = ":changed";

    private final String prefix;

    /**
     * Creates the names under a prefix.
     *
     * @param prefix the prefix, already validated
     */
    public RedisNames(String prefix) {
        this.prefix = prefix;
    }

    /** @return the prefix */
    public String prefix() {
        return prefix;
    }

    /**
     * Checks a store key: azid's keys are 64 hexadecimal characters; anything that could run into
     * another entry's name or a pattern is refused.
     *
     * @param key the store key
     * @return the key
     * @throws IllegalArgumentException if it is not made of letters, digits, {@code _ . -} (1 to 128)
     */
    public static String check(String key) {
        if (key == null || !KEY.matcher(key).matches()) {
            throw new IllegalArgumentException("RedisTokenStore: a store key must be 1 to 128 letters, digits, '_', '.' "
                    + "or '-'. azid's own keys always are; check the caller.");
        }
        return key;
    }

    /** @return the value's name, as bytes */
    public byte[] value(String key) {
        return (prefix + key).getBytes(StandardCharsets.UTF_8);
    }

    /** @return the lease's name */
    public String lease(String key) {
        return prefix + key + LEASE;
    }

    /** @return the key's channel */
    public String channel(String key) {
        return prefix + key + CHANGED;
    }

    /** @return the pattern that matches every key's channel under this prefix (glob characters in the prefix escaped) */
    public String channelPattern() {
        StringBuilder b = new StringBuilder();
        for (char c : prefix.toCharArray()) {
            if (c == '*' || c == '?' || c == '[' || c == ']' || c == '\\') {
                b.append('\\');
            }
            b.append(c);
        }
        return b.append('*').append(CHANGED).toString();
    }

    /**
     * The store key a channel belongs to.
     *
     * @param channel a channel the pattern matched
     * @return the key, or {@code null} if the channel is not one of this prefix's
     */
    public String keyOfChannel(String channel) {
        if (channel == null || !channel.startsWith(prefix) || !channel.endsWith(CHANGED)
                || channel.length() <= prefix.length() + CHANGED.length()) {
            return null;
        }
        return channel.substring(prefix.length(), channel.length() - CHANGED.length());
    }
}
