package dev.azid.redis.internal;

import java.nio.charset.StandardCharsets;

/**
 * The Redis names of one store's entries, all under its prefix: for a key {@code k}, the value
 * {@code <prefix>k}, the lease {@code <prefix>k:lease} and the channel {@code <prefix>k:changed}
 * on which a put or a release is published; one pattern subscription
 * ({@code <prefix>*:changed}) hears every key's channel.
 */
public final class RedisNames {

    private static final int MAX_KEY = 128;
    private static final String LEASE = ":lease";
    private static final String CHANGED = ":changed";

    private final String prefix;
    private final byte[] prefixBytes;

    /**
     * Creates the names under a prefix.
     *
     * @param prefix the prefix, already validated
     */
    public RedisNames(String prefix) {
        this.prefix = prefix;
        this.prefixBytes = prefix.getBytes(StandardCharsets.UTF_8);
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
        if (!valid(key)) {
            throw new IllegalArgumentException("RedisTokenStore: a store key must be 1 to 128 letters, digits, '_', '.' "
                    + "or '-'. azid's own keys always are; check the caller.");
        }
        return key;
    }

    // A loop, not a regular expression: it runs on every read.
    private static boolean valid(String key) {
        if (key == null || key.isEmpty() || key.length() > MAX_KEY) {
            return false;
        }
        for (int i = 0; i < key.length(); i++) {
            char c = key.charAt(i);
            if (!(c >= '0' && c <= '9' || c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || c == '_' || c == '.' || c == '-')) {
                return false;
            }
        }
        return true;
    }

    /** @return the value's name, as bytes (the key already {@linkplain #check checked}: ASCII) */
    public byte[] value(String key) {
        byte[] name = java.util.Arrays.copyOf(prefixBytes, prefixBytes.length + key.length());
        for (int i = 0; i < key.length(); i++) {
            name[prefixBytes.length + i] = (byte) key.charAt(i);
        }
        return name;
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
