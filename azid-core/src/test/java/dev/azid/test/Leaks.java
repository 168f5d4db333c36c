package dev.azid.test;

import static org.assertj.core.api.Assertions.assertThat;

import dev.azid.AuthenticationFailedException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;

/** Asserts that no secret shows anywhere a failure is seen: message, toString, causes, details, stack trace, logs. */
public final class Leaks {

    private Leaks() {
    }

    /** Everything of a throwable that a person or a log could see. */
    public static String visibleText(Throwable t) {
        List<String> parts = new ArrayList<>();
        int depth = 0;
        for (Throwable c = t; c != null && depth < 32; c = c.getCause(), depth++) {
            parts.add(String.valueOf(c.getMessage()));
            parts.add(c.getLocalizedMessage() == null ? "" : c.getLocalizedMessage());
            parts.add(c.toString());
            if (c instanceof AuthenticationFailedException a) {
                parts.add(String.valueOf(a.details().orElse(null)));
            }
        }
        StringWriter trace = new StringWriter();
        t.printStackTrace(new PrintWriter(trace));
        parts.add(trace.toString());
        return String.join("\n", parts);
    }

    /** Asserts that neither the failure nor the captured logs hold any of the secrets. */
    public static void assertNone(Throwable t, LogCapture logs, String... secrets) {
        String visible = visibleText(t);
        String logged = logs == null ? "" : logs.all();
        for (String secret : secrets) {
            assertThat(secret).as("a secret to scan for").isNotBlank();
            assertThat(visible).as("the failure as shown").doesNotContain(secret);
            assertThat(logged).as("log output").doesNotContain(secret);
        }
    }
}
