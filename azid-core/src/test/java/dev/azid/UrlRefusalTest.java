package dev.azid;

import static org.assertj.core.api.Assertions.assertThat;

import dev.azid.UrlRefusalSites.Site;
import dev.azid.test.HostileUrls;
import dev.azid.test.HostileUrls.Variant;
import dev.azid.test.LogCapture;
import dev.azid.test.ScriptedTransport;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every URL setting and variable that decides where a secret, assertion or token request goes
 * refuses every hostile variant (user info, traversal, query, fragment, whitespace, control
 * characters, other schemes, backslashes, broken hosts and ports) before any request, with a
 * message that names the setting and never shows the planted user info or look-alike host.
 */
class UrlRefusalTest {

    @RegisterExtension
    final LogCapture logs = new LogCapture();

    static Stream<Site> sites() {
        return UrlRefusalSites.all().stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("sites")
    void hostileValue_isRefusedBeforeAnyRequest_namingTheSettingAndNotTheValue(Site site) {
        ScriptedTransport control = UrlRefusalSites.refusingEverything();
        Throwable accepted = attempt(site, site.base().toString(), control);
        assertThat(refusal(site, accepted)).as("the valid value %s is accepted (failure: %s)", site.base(), accepted).isNull();

        SoftAssertions soft = new SoftAssertions();
        List<Variant> tried = new ArrayList<>();
        for (Variant v : HostileUrls.refusedBy(site.base(), site.allowed())) {
            if (!site.applicable().test(v.value())) {
                continue;
            }
            tried.add(v);
            ScriptedTransport transport = UrlRefusalSites.refusingEverything();
            Throwable t = attempt(site, v.value(), transport);
            soft.assertThat(t).as("%s is refused", v).isInstanceOf(site.refusal());
            if (t == null) {
                continue;
            }
            soft.assertThat(t.getMessage()).as("%s: the message names the setting", v).contains(site.names());
            if (site.refusal() == AuthenticationFailedException.class && !site.learnt()) {
                soft.assertThat(t.getCause()).as("%s: the configuration error is the cause", v)
                        .isInstanceOf(IllegalArgumentException.class);
            }
            for (Throwable c = t; c != null; c = c.getCause()) {
                for (String never : HostileUrls.NEVER_SHOWN) {
                    soft.assertThat(String.valueOf(c.getMessage())).as("%s: %s is not shown", v, never).doesNotContain(never);
                }
                if (v.value().contains(site.base().hostPort())) {
                    soft.assertThat(String.valueOf(c.getMessage())).as("%s: the value is not quoted", v)
                            .doesNotContain(v.value());
                }
            }
            soft.assertThat(transport.requests()).as("%s: requests sent", v).hasSizeLessThanOrEqualTo(site.learnt() ? 1 : 0);
        }
        soft.assertAll();
        assertThat(tried).as("hostile variants tried").hasSizeGreaterThan(40);
        logs.assertNoSecrets(HostileUrls.NEVER_SHOWN.toArray(String[]::new));
    }

    private static Throwable attempt(Site site, String value, ScriptedTransport transport) {
        try {
            site.attempt().run(value, transport);
            return null;
        } catch (Throwable t) {
            return t;
        }
    }

    /** The refusal in a failure: one of the site's kind that names the setting; {@code null} for other failures. */
    private static Throwable refusal(Site site, Throwable t) {
        if (t == null) {
            return null;
        }
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (c instanceof IllegalArgumentException || String.valueOf(c.getMessage()).contains(site.names())) {
                return c;
            }
        }
        return null;
    }
}
