package dev.azid.emulator.internal;

import java.net.Socket;
import java.security.Principal;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import javax.net.ssl.ExtendedSSLSession;
import javax.net.ssl.SNIHostName;
import javax.net.ssl.SNIServerName;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLSession;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.X509ExtendedKeyManager;

/**
 * Presents, for each real host a client names in TLS server name indication, a certificate for that
 * name issued by the emulator's CA, made on first use and kept (up to {@value #MAX_HOSTS} names;
 * vault names are unbounded, so the cache then starts over). A client that names no host, or a
 * host transparent mode does not serve, gets the 127.0.0.1 certificate and fails its host name
 * check, as it should. Thread-safe.
 */
final class HostKeyManager extends X509ExtendedKeyManager {

    private static final int MAX_HOSTS = 256;
    private static final String FALLBACK = "azid-emulator-fallback";

    private final Pki pki;
    private final X509Certificate[] fallbackChain;
    private final Map<String, X509Certificate[]> chains = new ConcurrentHashMap<>();

    private HostKeyManager(Pki pki, X509Certificate[] fallbackChain) {
        this.pki = pki;
        this.fallbackChain = fallbackChain;
    }

    /**
     * A TLS server context presenting per-host certificates.
     *
     * @param pki the emulator's keys
     * @return the context
     */
    static SSLContext context(Pki pki) {
        try {
            SSLContext ctx = SSLContext.getInstance("TLS");
            ctx.init(new javax.net.ssl.KeyManager[] {new HostKeyManager(pki, pki.serverChainFor("localhost"))}, null, null);
            return ctx;
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException("cannot build the transparent mode's TLS context", e);
        }
    }

    @Override
    public String chooseEngineServerAlias(String keyType, Principal[] issuers, SSLEngine engine) {
        return alias(keyType, engine == null ? null : engine.getHandshakeSession());
    }

    @Override
    public String chooseServerAlias(String keyType, Principal[] issuers, Socket socket) {
        return alias(keyType, socket instanceof SSLSocket s ? s.getHandshakeSession() : null);
    }

    private String alias(String keyType, SSLSession session) {
        if (!"RSA".equalsIgnoreCase(keyType)) {
            // The one server key is RSA; other key types let the handshake pick an RSA signature scheme.
            return null;
        }
        if (session instanceof ExtendedSSLSession ext) {
            for (SNIServerName name : ext.getRequestedServerNames()) {
                if (name instanceof SNIHostName h && RealHosts.served(h.getAsciiName())) {
                    return h.getAsciiName().toLowerCase(Locale.ROOT);
                }
            }
        }
        return FALLBACK;
    }

    @Override
    public X509Certificate[] getCertificateChain(String alias) {
        if (alias == null || alias.equals(FALLBACK) || !RealHosts.served(alias)) {
            return fallbackChain.clone();
        }
        if (chains.size() >= MAX_HOSTS) {
            chains.clear();
        }
        return chains.computeIfAbsent(alias, pki::serverChainFor).clone();
    }

    @Override
    public PrivateKey getPrivateKey(String alias) {
        return pki.serverKey();
    }

    @Override
    public String[] getServerAliases(String keyType, Principal[] issuers) {
        return "RSA".equalsIgnoreCase(keyType) ? new String[] {FALLBACK} : null;
    }

    @Override
    public String[] getClientAliases(String keyType, Principal[] issuers) {
        return null;
    }

    @Override
    public String chooseClientAlias(String[] keyType, Principal[] issuers, Socket socket) {
        return null;
    }
}
