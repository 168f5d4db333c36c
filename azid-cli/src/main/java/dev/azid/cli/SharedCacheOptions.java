package dev.azid.cli;

import dev.azid.Environment;
import dev.azid.FileSharedTokenStore;
import dev.azid.SharedTokenCache;
import dev.azid.SharedTokenStore;
import dev.azid.redis.RedisTokenStore;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.function.UnaryOperator;
import picocli.CommandLine.Option;

/**
 * The options that name the shared token cache an application uses ({@code --shared-cache-...}),
 * and the cache they make: a {@link FileSharedTokenStore} or a {@link RedisTokenStore}, with the
 * application's encryption key (or clear text). Passwords and keys never appear in a message.
 */
final class SharedCacheOptions {

    private static final int MAX_KEY_FILE_BYTES = 4096;

    @Option(names = "--shared-cache-dir", paramLabel = "DIR",
            description = "The application's shared token cache is a FileSharedTokenStore in this directory.")
    Path dir;

    @Option(names = "--shared-cache-redis", paramLabel = "URL",
            description = "The application's shared token cache is a RedisTokenStore at redis[s]://[user[:password]@]host[:port][/db].")
    String redis;

    @Option(names = "--shared-cache-redis-password-env", paramLabel = "VAR",
            description = "Read the Redis password from this environment variable instead of the URL.")
    String redisPasswordEnv;

    @Option(names = "--shared-cache-redis-ca-file", paramLabel = "PEM",
            description = "For rediss://, trust only the CA certificate(s) in this PEM file.")
    Path redisCaFile;

    @Option(names = "--shared-cache-redis-prefix", paramLabel = "PREFIX",
            description = "The store's key prefix, as the application sets it (default azid:).")
    String redisPrefix;

    @Option(names = "--shared-cache-key-env", paramLabel = "VAR",
            description = "The encryption key, 32 bytes as base64 or hex, is in this environment variable.")
    String keyEnv;

    @Option(names = "--shared-cache-key-file", paramLabel = "FILE",
            description = "The encryption key is in this file: 32 bytes, or their base64 or hex.")
    Path keyFile;

    @Option(names = "--shared-cache-unencrypted", description = "The application stores tokens in clear text.")
    boolean unencrypted;

    /**
     * The shared cache the options name, and what output must never show.
     *
     * @param cache the cache
     * @param secrets the Redis password and the key's text, to mask in output (defence in depth)
     */
    record Opened(SharedTokenCache cache, List<String> secrets) implements AutoCloseable {

        /** Masks every secret (of 4 characters or more) in a text. */
        String mask(String text) {
            String out = text;
            for (String s : secrets) {
                if (s.length() >= 4) {
                    out = out.replace(s, "****");
                }
            }
            return out;
        }

        /** Closes a Redis store's connections; never throws. */
        @Override
        public void close() {
            if (cache.store() instanceof RedisTokenStore r) {
                try {
                    r.close();
                } catch (RuntimeException e) {
                    // Nothing left to do with it: the command is ending.
                }
            }
        }
    }

    /**
     * Opens the shared cache the options name.
     *
     * @param env where {@code --shared-cache-key-env} and {@code --shared-cache-redis-password-env} are read
     * @param stores turns the store the options name into the one to use (a test seam; identity otherwise)
     * @return the cache, or {@code null} when no store is named
     * @throws IllegalArgumentException if the options are incomplete, conflict or name an unusable value
     */
    Opened open(Environment env, UnaryOperator<SharedTokenStore> stores) {
        boolean redisDetails = redisPasswordEnv != null || redisCaFile != null || redisPrefix != null;
        int keys = (keyEnv != null ? 1 : 0) + (keyFile != null ? 1 : 0) + (unencrypted ? 1 : 0);
        if (dir != null && redis != null) {
            throw new IllegalArgumentException("give --shared-cache-dir or --shared-cache-redis, not both");
        }
        if (redis == null && redisDetails) {
            throw new IllegalArgumentException("--shared-cache-redis-... options need --shared-cache-redis URL");
        }
        if (dir == null && redis == null) {
            if (keys > 0) {
                throw new IllegalArgumentException("the --shared-cache-key-... options need the store: "
                        + "--shared-cache-dir DIR or --shared-cache-redis URL");
            }
            return null;
        }
        if (keys != 1) {
            throw new IllegalArgumentException("name the shared cache's encryption key once, as the application has it: "
                    + "--shared-cache-key-env VAR or --shared-cache-key-file FILE, or --shared-cache-unencrypted");
        }
        List<String> secrets = new ArrayList<>();
        SharedTokenStore store = dir != null ? FileSharedTokenStore.builder().directory(dir).build() : redis(env, secrets);
        SharedTokenCache.Builder cache = SharedTokenCache.builder().store(stores.apply(store));
        if (unencrypted) {
            cache.allowUnencryptedStorage(true);
        } else {
            cache.encryptionKey(key(env, secrets));
        }
        return new Opened(cache.build(), List.copyOf(secrets));
    }

    private SharedTokenStore redis(Environment env, List<String> secrets) {
        URI uri;
        try {
            uri = new URI(redis);
        } catch (URISyntaxException e) {
            // The reason only: the message would repeat the URL, password and all.
            throw new IllegalArgumentException("--shared-cache-redis is not a URL (" + e.getReason() + " at index "
                    + e.getIndex() + "); give redis[s]://[user[:password]@]host[:port][/db]");
        }
        if (uri.getRawUserInfo() != null) {
            // As RedisTokenStore reads it: user:password, :password, or a password alone.
            for (String info : List.of(uri.getRawUserInfo(), uri.getUserInfo())) {
                secrets.add(info.substring(info.indexOf(':') + 1));
            }
        }
        RedisTokenStore.Builder b = RedisTokenStore.builder().uri(uri);
        if (redisPasswordEnv != null) {
            String password = env.get(redisPasswordEnv).orElseThrow(() -> new IllegalArgumentException(
                    "--shared-cache-redis-password-env: the variable " + redisPasswordEnv + " is not set"));
            secrets.add(password);
            b.password(password.toCharArray());
        }
        if (redisCaFile != null) {
            b.sslContext(Pem.trusting("--shared-cache-redis-ca-file", redisCaFile));
        }
        if (redisPrefix != null) {
            b.keyPrefix(redisPrefix);
        }
        return b.build();
    }

    private byte[] key(Environment env, List<String> secrets) {
        String option = keyEnv != null ? "--shared-cache-key-env " + keyEnv : "--shared-cache-key-file " + keyFile;
        byte[] raw;
        if (keyEnv != null) {
            raw = env.get(keyEnv).orElseThrow(() -> new IllegalArgumentException(option + ": the variable is not set"))
                    .getBytes(StandardCharsets.UTF_8);
        } else {
            try {
                raw = Pem.read("--shared-cache-key-file", keyFile, MAX_KEY_FILE_BYTES, "key files");
            } catch (IOException e) {
                throw new IllegalArgumentException(option + " cannot be read (" + e.getClass().getSimpleName() + ")");
            }
            if (raw.length == 32) {
                return raw;
            }
        }
        String text = new String(raw, StandardCharsets.UTF_8).trim();
        secrets.add(text);
        byte[] key = decode(text);
        if (key == null || key.length != 32) {
            throw new IllegalArgumentException(option + " does not hold a 32-byte key: give the application's "
                    + "AES-256 key as 32 bytes" + (keyEnv != null ? "" : " (raw)") + ", or as their base64 or hex");
        }
        return key;
    }

    private static byte[] decode(String text) {
        if (text.matches("[0-9a-fA-F]{64}")) {
            return HexFormat.of().parseHex(text);
        }
        try {
            return Base64.getDecoder().decode(text);
        } catch (IllegalArgumentException e) {
            try {
                return Base64.getUrlDecoder().decode(text);
            } catch (IllegalArgumentException again) {
                return null;
            }
        }
    }
}
