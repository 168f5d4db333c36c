package dev.azid.test;

import java.util.ArrayList;
import java.util.List;

/**
 * Hostile variants of a valid endpoint URL, each tagged with the rule it breaks. The user info
 * planted is {@code alice:s3cr3t-PW} and the look-alike host is {@code evil.example}: neither may
 * appear in any message.
 */
public final class HostileUrls {

    /** The rule a variant breaks. */
    public enum Kind {
        USER_INFO, TRAVERSAL, QUERY, FRAGMENT, WHITESPACE, CONTROL, SCHEME, PLAIN_HTTP, BACKSLASH, HOST
    }

    /**
     * A valid URL, in parts.
     *
     * @param scheme e.g. {@code https}
     * @param hostPort e.g. {@code login.example} or {@code 127.0.0.1:8080}
     * @param path e.g. {@code /msi/token}, or empty
     */
    public record Base(String scheme, String hostPort, String path) {
        @Override
        public String toString() {
            return scheme + "://" + hostPort + path;
        }
    }

    /**
     * One variant.
     *
     * @param kind the rule it breaks
     * @param value the text
     */
    public record Variant(Kind kind, String value) {
        @Override
        public String toString() {
            return kind + " " + value.replace("\n", "\\n").replace("\r", "\\r").replace("\t", "\\t");
        }
    }

    /** Strings no message may contain. */
    public static final List<String> NEVER_SHOWN = List.of("alice", "s3cr3t", "evil");

    private HostileUrls() {
    }

    /**
     * Every variant of a base.
     *
     * @param b the valid URL
     * @return the variants
     */
    public static List<Variant> of(Base b) {
        List<Variant> out = new ArrayList<>();
        String s = b.scheme();
        String hp = b.hostPort();
        String p = b.path();
        String url = b.toString();
        add(out, Kind.USER_INFO, s + "://alice@" + hp + p, s + "://alice:s3cr3t-PW@" + hp + p,
                s + "://login.microsoftonline.com@" + hp + p, s + "://alice%40evil.example@" + hp + p,
                s + "://" + hp + "@evil.example" + p, s + "://alice@@" + hp + p, s + "://:s3cr3t@" + hp + p,
                s + "://" + hp + "%2f@evil.example" + p, s + "://@" + hp + p, "mailto:alice@evil.example");
        for (String t : List.of("/..", "/../x", "/a/../b", "/%2e%2e/x", "/%2E%2E/x", "/%2E./x", "/.%2e/x", "/%2e.",
                "/%2e/x", "/./x", "/.", "/..;/x", "/..;jsessionid=1", "/%252e%252e/x", "/%25252e%25252e/x", "/a%2fb",
                "/a%2Fb", "/a%5cb", "/a%5Cb", "/%00", "/a%0d%0aX-Injected:1", "/%c0%ae%c0%ae/x", "/..%2f", "/%2e%2e%2f")) {
            add(out, Kind.TRAVERSAL, url + t);
        }
        add(out, Kind.QUERY, url + "?x=1", url + "?", url + "/?a=b", url + "?@evil.example");
        add(out, Kind.FRAGMENT, url + "#f", url + "#", url + "/#@evil.example", url + "#.." );
        add(out, Kind.WHITESPACE, " " + url, url + " ", url + "\t", url + "\n", url + "\r\n", "\n" + url, "\t" + url,
                s + "://" + insertSpace(hp) + p, url + "\u00a0", url + "\u2028", url + "\u3000", url + "\u0085",
                url + "\u000b", url + "\f");
        add(out, Kind.CONTROL, url + "\u0000", url + "\u001b", url + "\u007f", "\u0007" + url, s + "://" + hp + "\u0000evil"
                + p);
        add(out, Kind.SCHEME, "https-x://" + hp + p, "ftp://" + hp + p, "file:///etc/passwd", "javascript:alert(1)",
                s + ":" + hp + p, s + ":/" + hp + p, "//" + hp + p, "ws://" + hp + p, s + "x://" + hp + p);
        add(out, Kind.PLAIN_HTTP, "http://evil.example" + p, "http://127.0.0.1.evil.example" + p,
                "http://localhost.evil.example" + p, "http://evil.localhost" + p, "http://127.0.0.1999" + p,
                "http://127.999.0.1" + p);
        add(out, Kind.BACKSLASH, s + "://" + hp + "\\@evil.example" + p, s + ":\\\\evil.example" + p,
                s + "://" + hp + "\\evil" + p, s + "://evil.example\\" + hp + p, url + "\\..\\x");
        add(out, Kind.HOST, s + "://", s + ":///x", s + "://:443" + p, s + "://" + host(hp) + ":abc" + p,
                s + "://" + host(hp) + ":0" + p, s + "://" + host(hp) + ":65536" + p, s + "://" + host(hp) + ":" + p,
                s + "://" + host(hp) + ":99999999999" + p, s + "://" + encodeFirst(host(hp)) + p,
                s + "://l\u00f3gin.example" + p, s + "://[::1" + p, s + "://[]" + p, s + "://%65vil.example" + p,
                s + "://" + host(hp) + ":-1" + p);
        return out;
    }

    private static void add(List<Variant> out, Kind kind, String... values) {
        for (String v : values) {
            out.add(new Variant(kind, v));
        }
    }

    private static String host(String hostPort) {
        int colon = hostPort.lastIndexOf(':');
        return colon > 0 && !hostPort.endsWith("]") ? hostPort.substring(0, colon) : hostPort;
    }

    private static String encodeFirst(String host) {
        return String.format("%%%02x", (int) host.charAt(0)) + host.substring(1);
    }

    private static String insertSpace(String hostPort) {
        return hostPort.substring(0, 1) + " " + hostPort.substring(1);
    }

    /**
     * The variants that break a rule a use enforces.
     *
     * @param b the valid URL
     * @param allowed the kinds the use allows (e.g. a query for an OIDC request URL)
     * @return the variants to refuse
     */
    public static List<Variant> refusedBy(Base b, List<Kind> allowed) {
        return of(b).stream().filter(v -> !allowed.contains(v.kind())).toList();
    }
}
