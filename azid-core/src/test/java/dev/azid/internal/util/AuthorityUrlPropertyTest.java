package dev.azid.internal.util;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import dev.azid.test.gen.Gen;
import dev.azid.test.gen.Gens;
import dev.azid.test.gen.Property;
import org.junit.jupiter.api.Test;

/**
 * Properties of the one endpoint rule over random URLs with random injections: a value is either
 * refused with {@link IllegalArgumentException} or accepted with the host it was meant to have and
 * none of the parts its use forbids; canonical authority hosts are always accepted.
 */
class AuthorityUrlPropertyTest {

    /** Something planted into an otherwise valid URL; every one breaks the rule for an authority host. */
    enum Injection {
        USER, USER_PASSWORD, LOOK_ALIKE_USER, TRAVERSAL, ENCODED_TRAVERSAL, MIXED_TRAVERSAL, ENCODED_SLASH, QUERY, FRAGMENT,
        LEADING_SPACE, TRAILING_SPACE, TAB, NEWLINE, CONTROL, BACKSLASH_AT, BAD_SCHEME, ENCODED_HOST, BAD_PORT, EMPTY_PORT
    }

    /** A URL's parts before injection. */
    record Parts(String scheme, String host, int port, List<String> segments) {
    }

    /** Parts, the injections planted into them, and the URL's use. */
    record Injected(Parts parts, List<Injection> injections, UrlUse use) {
    }

    /** Arbitrary text and the URL's use. */
    record Text(String value, UrlUse use) {
    }

    private static Gen<UrlUse> uses() {
        return Gens.of(UrlUse.values());
    }

    private static Gen<String> hosts() {
        Gen<String> label = Gens.strings().withCharRange('a', 'z').withChars('0', '7', '-').ofMinLength(1)
                .ofMaxLength(12).filter(l -> !l.startsWith("-") && !l.endsWith("-"));
        Gen<String> name = Gens.combine(label.list().ofMinSize(1).ofMaxSize(3),
                Gens.of("com", "us", "cn", "de", "example", "local", "net"))
                .as((labels, tld) -> String.join(".", labels) + "." + tld);
        Gen<String> loopback = Gens.integers(0, 255).list().ofSize(3)
                .map(o -> "127." + o.get(0) + "." + o.get(1) + "." + o.get(2));
        return Gens.oneOf(name, loopback, Gens.of("localhost", "login.microsoftonline.com",
                "login.microsoftonline.us", "login.chinacloudapi.cn", "169.254.169.254", "10.0.0.4"));
    }

    private static Gen<Parts> parts() {
        Gen<List<String>> segments = Gens.strings().withCharRange('a', 'z').withChars('0', '-', '_', '.')
                .ofMinLength(1).ofMaxLength(8).filter(s -> !s.equals(".") && !s.equals(".."))
                .list().ofMaxSize(3);
        return Gens.combine(Gens.of("https", "http"), hosts(),
                Gens.oneOf(Gens.just(-1), Gens.integers(1, 65535)), segments).as(Parts::new);
    }

    @Test
    void anyUse_injectedUrl_isRefusedOrKeepsTheIntendedHostWithoutForbiddenParts() {
        Gen<List<Injection>> injections = Gens.of(Injection.values()).list().ofMaxSize(3);
        Property.forAll(400, Gens.combine(parts(), injections, uses()).as(Injected::new), t -> {
            Parts p = t.parts();
            UrlUse use = t.use();
            String value = build(p, t.injections());
            URI uri;
            try {
                uri = EndpointUrl.check(value, "S", use);
            } catch (IllegalArgumentException e) {
                assertThat(e).hasMessageStartingWith("S ").hasMessageNotContaining("alice").hasMessageNotContaining("s3cr3t");
                return;
            }
            assertThat(uri.getHost()).as(value).isEqualToIgnoringCase(p.host());
            assertSafe(uri, use, value);
            if (use != UrlUse.PROXY && use != UrlUse.OIDC_REQUEST && use != UrlUse.USER_PAGE) {
                assertThat(t.injections()).as("%s accepted for %s", value, use).isEmpty();
            }
        });
    }

    @Test
    void authorityHost_injectedUrl_isRefusedOrKeepsTheIntendedHost() {
        Gen<List<Injection>> injections = Gens.of(Injection.values()).list().ofMinSize(1).ofMaxSize(3);
        Property.forAll(400, Gens.combine(parts(), injections).as((p, i) -> new Injected(p, i, UrlUse.AUTHORITY_HOST)), t -> {
            Parts p = t.parts();
            String value = build(p, t.injections());
            URI uri;
            try {
                // The entry point every credential, AzureCloud and the auth file use for authority hosts.
                uri = Uris.authorityHost(value, "S");
            } catch (IllegalArgumentException e) {
                assertThat(e).hasMessageStartingWith("S ").hasMessageNotContaining("alice").hasMessageNotContaining("s3cr3t");
                return;
            }
            assertThat(uri.getHost()).as(value).isEqualToIgnoringCase(p.host());
            assertSafe(uri, UrlUse.AUTHORITY_HOST, value);
            assertThat(t.injections()).as("%s accepted", value).isEmpty();
        });
    }

    @Test
    void authorityHost_canonicalValue_isAcceptedUnchanged() {
        Property.forAll(300, parts(), p -> {
            boolean allowed = p.scheme().equals("https") || Uris.isLoopback(p.host());
            String value = build(p, List.of());
            if (!allowed) {
                return;
            }
            URI uri = Uris.authorityHost(value, "S");
            assertThat(uri.getHost()).isEqualTo(p.host());
            assertThat(uri.getPort()).isEqualTo(p.port());
            assertThat(uri.toString()).isEqualTo(value.replaceAll("/+$", ""));
        });
    }

    @Test
    void anyUse_arbitraryText_throwsOnlyIllegalArgumentOrIsSafe() {
        Property.forAll(600, Gens.combine(text(), uses()).as(Text::new), t -> {
            String value = t.value();
            URI uri;
            try {
                uri = EndpointUrl.check(value, "S", t.use());
            } catch (IllegalArgumentException e) {
                return;
            }
            assertThat(uri.getHost()).as(value).isNotBlank();
            assertSafe(uri, t.use(), value);
        });
    }

    private static Gen<String> text() {
        Gen<String> pieces = Gens.of("https://", "http://", "h.example", "127.0.0.1", "@", ":", "/", "..", ".",
                "%2e", "%2E", "%2f", "%5c", "%25", "\\", "?", "#", " ", "\t", "\n", "\u0000", "a", "8080", "[", "]", "::1",
                "user", "\u00e9", ";", "%00", "%c0%ae", "localhost", "//", "https-x:", "www", "-");
        return pieces.list().ofMinSize(1).ofMaxSize(12).map(l -> String.join("", l));
    }

    private static void assertSafe(URI uri, UrlUse use, String value) {
        String scheme = uri.getScheme().toLowerCase();
        assertThat(scheme).as(value).isIn("https", "http");
        if (scheme.equals("http") && use != UrlUse.MANAGED_IDENTITY && use != UrlUse.PROXY) {
            assertThat(Uris.isLoopback(uri.getHost())).as("%s: http only on loopback", value).isTrue();
        }
        if (!use.userInfoAllowed()) {
            assertThat(uri.getRawUserInfo()).as(value).isNull();
            assertThat(uri.getRawAuthority()).as(value).doesNotContain("@");
        }
        if (!use.queryAllowed()) {
            assertThat(uri.getRawQuery()).as(value).isNull();
        }
        assertThat(uri.getRawFragment()).as(value).isNull();
        assertThat(EndpointUrl.unsafePath(uri.getRawPath())).as(value).isFalse();
        assertThat(uri.toString()).as(value).doesNotContainPattern("[\\s\\x00-\\x1f\\x7f\\\\]");
        assertThat(uri.getPort()).as(value).isBetween(-1, 65535).isNotZero();
    }

    private static String build(Parts p, List<Injection> injections) {
        String scheme = p.scheme();
        String userInfo = "";
        String host = p.host();
        String port = p.port() == -1 ? "" : ":" + p.port();
        List<String> segments = new ArrayList<>(p.segments());
        String query = "";
        String fragment = "";
        String before = "";
        String after = "";
        for (Injection i : injections) {
            switch (i) {
                case USER -> userInfo = "alice@";
                case USER_PASSWORD -> userInfo = "alice:s3cr3t@";
                case LOOK_ALIKE_USER -> userInfo = "login.microsoftonline.com@";
                case TRAVERSAL -> segments.add(segments.size() / 2, "..");
                case ENCODED_TRAVERSAL -> segments.add("%2e%2e");
                case MIXED_TRAVERSAL -> segments.add(0, "%2E.");
                case ENCODED_SLASH -> segments.add("a%2Fb");
                case QUERY -> query = "?x=1";
                case FRAGMENT -> fragment = "#f";
                case LEADING_SPACE -> before = " ";
                case TRAILING_SPACE -> after = " ";
                case TAB -> after = "\t";
                case NEWLINE -> after = "\n";
                case CONTROL -> after = "\u0001";
                case BACKSLASH_AT -> host = host + "\\@evil.example";
                case BAD_SCHEME -> scheme = scheme + "-x";
                case ENCODED_HOST -> host = "%" + Integer.toHexString(host.charAt(0)) + host.substring(1);
                case BAD_PORT -> port = ":65536";
                case EMPTY_PORT -> port = ":";
            }
        }
        String path = segments.isEmpty() ? "" : "/" + String.join("/", segments);
        return before + scheme + "://" + userInfo + host + port + path + query + fragment + after;
    }
}
