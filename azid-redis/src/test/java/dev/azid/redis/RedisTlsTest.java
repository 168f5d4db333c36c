package dev.azid.redis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.azid.SharedTokenStore.Lease;
import dev.azid.test.TestCertificates;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.time.Duration;
import java.time.Instant;
import org.bouncycastle.asn1.x509.GeneralName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** TLS to a real redis-server (Debian's is built with TLS): the CA from a trust store, the host name verified. */
@Timeout(30)
class RedisTlsTest {

    private static final String KEY = "c".repeat(64);

    @TempDir
    Path dir;

    /** Writes a server certificate of the test CA naming {@code names} (IP addresses or DNS names), its key and the CA. */
    private static Path[] serverFiles(Path dir, TestCertificates ca, String prefix, GeneralName... names) throws Exception {
        TestCertificates.ServerLeaf leaf = ca.serverLeaf("azid test redis", names);
        Path certFile = dir.resolve(prefix + "cert.pem");
        Path keyFile = dir.resolve(prefix + "key.pem");
        Path caFile = dir.resolve(prefix + "ca.pem");
        Files.writeString(certFile, TestCertificates.pem(leaf.certificate()));
        Files.writeString(keyFile, TestCertificates.pem(leaf.keys().getPrivate()));
        Files.writeString(caFile, ca.caPem());
        return new Path[] {certFile, keyFile, caFile};
    }

    private static KeyStore trusting(TestCertificates ca) throws Exception {
        KeyStore ks = KeyStore.getInstance("PKCS12");
        ks.load(null, null);
        ks.setCertificateEntry("ca", ca.ca);
        return ks;
    }

    @Test
    void tls_trustedCaAndMatchingAddress_shares_plainTextOrUntrustedRefused() throws Exception {
        TestCertificates ca = TestCertificates.valid();
        Path[] files = serverFiles(dir, ca, "", new GeneralName(GeneralName.iPAddress, "127.0.0.1"));
        try (RedisServer server = RedisServer.startTls(dir, files[0], files[1], files[2])) {
            try (RedisTokenStore store = server.store().trustStore(trusting(ca)).build()) {
                store.put(KEY, "sealed".getBytes(StandardCharsets.UTF_8), Instant.now().plusSeconds(60));
                assertThat(store.get(KEY)).isPresent();
                Lease lease = store.tryLease(KEY, Duration.ofSeconds(30)).orElseThrow();
                lease.release();
                store.awaitChange(KEY, Duration.ofMillis(50));
                assertThat(store.toString()).startsWith("RedisTokenStore[rediss://127.0.0.1:");
            }
            try (RedisTokenStore plain = server.store().build()) {
                assertThatThrownBy(() -> plain.get(KEY)).isInstanceOf(IOException.class);
            }
            try (RedisTokenStore untrusted = server.store().tls(true).build()) {
                assertThatThrownBy(() -> untrusted.get(KEY)).as("the JDK's CAs do not know the test CA")
                        .isInstanceOf(IOException.class);
            }
            try (RedisTokenStore byUri = RedisTokenStore.builder().uri(URI.create("rediss://127.0.0.1:" + server.port()))
                    .trustStore(trusting(ca)).build()) {
                assertThat(byUri.get(KEY)).isPresent();
            }
        }
    }

    @Test
    void tls_certificateForAnotherHost_refused() throws Exception {
        TestCertificates ca = TestCertificates.valid();
        Path[] files = serverFiles(dir, ca, "other-", new GeneralName(GeneralName.dNSName, "redis.other.example"));
        try (RedisServer server = RedisServer.startTls(dir, files[0], files[1], files[2]);
                RedisTokenStore store = server.store().trustStore(trusting(ca)).build()) {
            assertThatThrownBy(() -> store.get(KEY)).as("the certificate names another host").isInstanceOf(IOException.class);
        }
    }
}
