package dev.azid.internal.http;

import static dev.azid.internal.env.EnvironmentVariables.AZURE_KUBERNETES_CA_DATA;
import static dev.azid.internal.env.EnvironmentVariables.AZURE_KUBERNETES_CA_FILE;
import static dev.azid.internal.env.EnvironmentVariables.AZURE_KUBERNETES_SNI_NAME;
import static dev.azid.internal.env.EnvironmentVariables.AZURE_KUBERNETES_TOKEN_PROXY;

import dev.azid.Environment;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The AKS identity binding token proxy, as the cluster injects it into a pod: token requests go to
 * {@code AZURE_KUBERNETES_TOKEN_PROXY} (the authority's path and query appended to its path) over
 * TLS trusting {@code AZURE_KUBERNETES_CA_FILE} or {@code AZURE_KUBERNETES_CA_DATA} (else the JVM's
 * trust store), with {@code AZURE_KUBERNETES_SNI_NAME} as the TLS server name and the name the
 * proxy's certificate must carry.
 *
 * @param url the proxy's base URL: https, no user info, query or fragment; its path ends with {@code /}
 * @param sniName the TLS server name, or {@code null} for the URL's host
 * @param caFile the CA file, re-read when it changes, or {@code null}
 * @param caData PEM CA certificates, or {@code null}
 */
public record TokenProxy(URI url, String sniName, Path caFile, String caData) {

    /** Never shows the CA data. */
    @Override
    public String toString() {
        return "TokenProxy[url=" + url + ", sniName=" + sniName + ", caFile=" + caFile + ", caData="
                + (caData == null ? "none" : "set") + "]";
    }

    /**
     * Reads the proxy's variables.
     *
     * @param credentialName for messages
     * @param env where the variables are read
     * @return the proxy, or empty when none of the variables is set
     * @throws IllegalArgumentException naming the variable, if the settings are invalid or incomplete
     */
    public static Optional<TokenProxy> fromEnvironment(String credentialName, Environment env) {
        String url = value(env, AZURE_KUBERNETES_TOKEN_PROXY);
        String sni = value(env, AZURE_KUBERNETES_SNI_NAME);
        String caFile = value(env, AZURE_KUBERNETES_CA_FILE);
        String caData = value(env, AZURE_KUBERNETES_CA_DATA);
        if (url == null) {
            if (sni != null || caFile != null || caData != null) {
                throw new IllegalArgumentException(credentialName + ": " + AZURE_KUBERNETES_TOKEN_PROXY + " is not set, "
                        + "but " + (sni != null ? AZURE_KUBERNETES_SNI_NAME : caFile != null ? AZURE_KUBERNETES_CA_FILE
                        : AZURE_KUBERNETES_CA_DATA) + " is. Set the proxy URL too, or unset the other "
                        + "AZURE_KUBERNETES_* variables.");
            }
            return Optional.empty();
        }
        if (caFile != null && caData != null) {
            throw new IllegalArgumentException(credentialName + ": both " + AZURE_KUBERNETES_CA_FILE + " and "
                    + AZURE_KUBERNETES_CA_DATA + " are set. Set only one of them.");
        }
        if (sni != null && !sni.matches("[A-Za-z0-9]([A-Za-z0-9.-]{0,251}[A-Za-z0-9])?")) {
            throw new IllegalArgumentException(credentialName + ": " + AZURE_KUBERNETES_SNI_NAME + " is not a DNS "
                    + "name. Set it to the host name the proxy's certificate carries.");
        }
        return Optional.of(new TokenProxy(parse(credentialName, url), sni, caFile == null ? null : Path.of(caFile),
                caData));
    }

    private static URI parse(String credentialName, String value) {
        String what = credentialName + ": " + AZURE_KUBERNETES_TOKEN_PROXY;
        URI uri;
        try {
            uri = new URI(value);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException(what + " is not a valid URL. Set it to the proxy's https URL.", null);
        }
        if (!"https".equalsIgnoreCase(uri.getScheme()) || uri.getHost() == null) {
            throw new IllegalArgumentException(what + " must be an https URL with a host, but its scheme is "
                    + uri.getScheme() + ". Set it to the proxy's https URL.");
        }
        if (uri.getRawUserInfo() != null || uri.getRawQuery() != null || uri.getRawFragment() != null) {
            throw new IllegalArgumentException(what + " must not contain user info, a query or a fragment. "
                    + "Set it to the proxy's base URL only.");
        }
        String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
        return URI.create("https://" + uri.getRawAuthority() + (path.endsWith("/") ? path : path + "/"));
    }

    private static String value(Environment env, String name) {
        return env.get(name).map(String::trim).filter(v -> !v.isEmpty()).orElse(null);
    }

    /**
     * Where a request for the authority goes instead: the proxy's URL with the request's path (without
     * its leading {@code /}) and query appended.
     *
     * @param original the token endpoint URL
     * @return the proxy URL
     */
    public URI rewrite(URI original) {
        String path = original.getRawPath() == null ? "" : original.getRawPath();
        String query = original.getRawQuery();
        return URI.create(url + (path.startsWith("/") ? path.substring(1) : path) + (query == null ? "" : "?" + query));
    }

    /** @return the host name the proxy's certificate must carry: the SNI name, else the URL's host */
    public String expectedHost() {
        return sniName != null ? sniName : url.getHost();
    }
}
