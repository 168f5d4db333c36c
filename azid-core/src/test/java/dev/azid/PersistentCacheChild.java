package dev.azid;

import java.io.FileInputStream;
import java.io.InputStream;
import java.nio.file.Path;
import java.security.KeyStore;
import java.util.Base64;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * A second process for the persistent-cache tests: signs in silently from the cache with an
 * AuthenticationRecord (interactive sign-in disabled) and prints {@code OK <user>} or {@code FAIL <message>}.
 */
public final class PersistentCacheChild {

    private PersistentCacheChild() {
    }

    /**
     * Entry point.
     *
     * @param args authority, trust store, trust store password, cache dir, base64 key, record file, client id, tenant,
     *     scope
     * @throws Exception on set-up errors
     */
    public static void main(String[] args) throws Exception {
        KeyStore ks = KeyStore.getInstance("PKCS12");
        try (InputStream in = new FileInputStream(args[1])) {
            ks.load(in, args[2].toCharArray());
        }
        TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        tmf.init(ks);
        SSLContext ssl = SSLContext.getInstance("TLS");
        ssl.init(null, tmf.getTrustManagers(), null);
        AuthenticationRecord record;
        try (InputStream in = new FileInputStream(args[5])) {
            record = AuthenticationRecord.deserialize(in);
        }
        InteractiveBrowserCredential c = InteractiveBrowserCredential.builder().clientId(args[6]).tenantId(args[7])
                .options(CredentialOptions.builder().authorityHost(args[0]).httpTransport(dev.azid.http.HttpTransport.builder().sslContext(ssl).build()).build())
                .tokenCachePersistenceOptions(TokenCachePersistenceOptions.builder().directory(Path.of(args[3]))
                        .encryptionKey(Base64.getDecoder().decode(args[4])).build())
                .authenticationRecord(record).disableAutomaticAuthentication()
                .browser(url -> {
                    throw new AssertionError("the child must not open a browser");
                }).build();
        try {
            c.getToken(TokenRequestContext.of(args[8]));
            System.out.println("OK " + record.username());
        } catch (CredentialException e) {
            System.out.println("FAIL " + e.getMessage());
        }
        System.exit(0);
    }
}
