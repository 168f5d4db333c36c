package dev.azid.redis;

import static org.assertj.core.api.Assertions.assertThat;

import dev.azid.AccessToken;
import dev.azid.ClientSecretCredential;
import dev.azid.CredentialOptions;
import dev.azid.SharedTokenCache;
import dev.azid.TokenRequestContext;
import dev.azid.emulator.EmulatorConfig;
import dev.azid.emulator.EntraEmulator;
import dev.azid.http.HttpTransport;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import redis.clients.jedis.Jedis;

/**
 * What a shared-cache hit costs on a real redis-server, counted by the server itself ({@code INFO
 * commandstats}): a credential whose in-process cache is cold finds the token another one stored with
 * exactly one command, a {@code GET}, so one round trip; no validation {@code PING}, no lease, no
 * subscription.
 */
@Timeout(60)
class RedisSharedHitTest {

    private static final Pattern STAT = Pattern.compile("cmdstat_([^:]+):calls=(\\d+)");
    private static final TokenRequestContext REQUEST = TokenRequestContext.of("https://vault.azure.net/.default");

    @TempDir
    Path dir;

    /** A new credential, its in-process cache empty, as in a new process. */
    private static ClientSecretCredential coldCredential(CredentialOptions options) {
        return ClientSecretCredential.builder().tenantId(EmulatorConfig.DEFAULT_TENANT_ID)
                .clientId(EmulatorConfig.DEFAULT_CLIENT_ID).clientSecret(EmulatorConfig.DEFAULT_CLIENT_SECRET)
                .options(options).build();
    }

    /** Calls per command since the last reset, without the INFO and CONFIG calls that read and reset them. */
    private static Map<String, Long> commands(Jedis raw) {
        Map<String, Long> calls = new HashMap<>();
        Matcher m = STAT.matcher(raw.info("commandstats"));
        while (m.find()) {
            if (!m.group(1).equals("info") && !m.group(1).startsWith("config")) {
                calls.put(m.group(1), Long.parseLong(m.group(2)));
            }
        }
        return calls;
    }

    private static long connectionsReceived(Jedis raw) {
        Matcher m = Pattern.compile("total_connections_received:(\\d+)").matcher(raw.info("stats"));
        return m.find() ? Long.parseLong(m.group(1)) : -1;
    }

    @Test
    void getToken_coldCredentialTokenInRedis_exactlyOneGetOnTheServer() throws Exception {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        try (RedisServer server = RedisServer.start(dir); EntraEmulator emulator = EntraEmulator.builder().start();
                RedisTokenStore store = server.store().build(); Jedis raw = new Jedis("127.0.0.1", server.port())) {
            CredentialOptions options = CredentialOptions.builder().authorityHost(emulator.authorityHost().toString())
                    .httpTransport(HttpTransport.builder().sslContext(emulator.sslContext()).build())
                    .sharedCache(SharedTokenCache.builder().store(store).encryptionKey(key).build()).build();
            AccessToken fetched = coldCredential(options).getToken(REQUEST);

            for (int i = 1; i <= 3; i++) {
                raw.configResetStat();
                AccessToken hit = coldCredential(options).getToken(REQUEST);

                assertThat(hit.token()).isEqualTo(fetched.token());
                assertThat(commands(raw)).as("commands on the server for shared hit %d", i).isEqualTo(Map.of("get", 1L));
                assertThat(connectionsReceived(raw)).as("new connections for shared hit %d", i).isZero();
            }
            assertThat(emulator.requestLog().count(".*/oauth2/v2.0/token")).as("token requests").isEqualTo(1);
        }
    }

    @Test
    void get_manyCalls_oneCommandEachOnOnePooledConnection() throws Exception {
        try (RedisServer server = RedisServer.start(dir); RedisTokenStore store = server.store().build();
                Jedis raw = new Jedis("127.0.0.1", server.port())) {
            String name = "a".repeat(64);
            store.get(name);
            raw.configResetStat();

            for (int i = 0; i < 50; i++) {
                assertThat(store.get(name)).isEmpty();
            }

            assertThat(commands(raw)).isEqualTo(Map.of("get", 50L));
            assertThat(connectionsReceived(raw)).as("connections opened during the calls").isZero();
        }
    }
}
