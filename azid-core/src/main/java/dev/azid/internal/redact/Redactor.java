package dev.azid.internal.redact;

import dev.azid.http.HttpRequest;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The one place where text from outside azid (an HTTP answer, a developer tool's output, an
 * exception message from a transport or the JDK) is made safe to put in a message or a log line.
 *
 * <p>It masks secrets by shape (see {@link SecretShapes} and {@link SecretKeys}) and, for an
 * instance made with {@link #withSecrets}, the secret values the credential itself holds, with their
 * URL, JSON, base64 and Basic-authentication encodings, wherever they appear (values shorter than
 * {@value KnownValues#MIN_LENGTH} characters are masked only by shape). Each masked stretch becomes
 * {@value #MASK}. Time and memory are linear in the length of the text, whatever it holds.
 *
 * <p>Immutable and thread-safe. Create one per credential from its configuration and pass it to the
 * clients that build messages; {@link #SHAPES} is the instance that knows no values.
 */
public final class Redactor {

    /** What a masked stretch becomes. */
    public static final String MASK = "****";

    /** Masks by shape only: for callers that hold no secret. */
    public static final Redactor SHAPES = new Redactor(List.of());

    private final List<String> known;

    private Redactor(List<String> known) {
        this.known = known;
    }

    /**
     * A redactor that also masks these values (and their encodings) wherever they appear.
     *
     * @param secrets the credential's secret values; {@code null}s are ignored
     * @return the redactor
     */
    public static Redactor withSecrets(String... secrets) {
        return SHAPES.and(secrets);
    }

    /**
     * This redactor plus more values to mask.
     *
     * @param secrets more secret values; {@code null}s are ignored
     * @return the redactor
     */
    public Redactor and(String... secrets) {
        return and(java.util.Arrays.asList(secrets));
    }

    /**
     * This redactor plus more values to mask.
     *
     * @param secrets more secret values; {@code null}s are ignored
     * @return the redactor, or this one when nothing was added
     */
    public Redactor and(Collection<String> secrets) {
        Set<String> all = KnownValues.newSet();
        all.addAll(known);
        for (String s : secrets) {
            KnownValues.addWithEncodings(all, s);
        }
        return all.size() == known.size() ? this : new Redactor(List.copyOf(all));
    }

    /**
     * This redactor plus the {@code Authorization: Basic} encodings of a user (or client id) and
     * its password (or client secret).
     *
     * @param user the user or client id
     * @param password the password or secret
     * @return the redactor
     */
    public Redactor andBasic(String user, String password) {
        Set<String> all = KnownValues.newSet();
        all.addAll(known);
        KnownValues.addBasic(all, user, password);
        return all.size() == known.size() ? this : new Redactor(List.copyOf(all));
    }

    /**
     * This redactor plus the secrets a request carries: values of secret-named headers (for
     * {@code Authorization}, also the credential after the scheme), form fields and query
     * parameters, so that an answer echoing the request cannot show them.
     *
     * @param request the request sent
     * @return the redactor
     */
    public Redactor forRequest(HttpRequest request) {
        List<String> values = new ArrayList<>();
        for (Map.Entry<String, String> h : request.headers().entrySet()) {
            String name = h.getKey();
            if (SecretKeys.isSecret(name, 0, name.length(), true)) {
                String v = h.getValue();
                values.add(v);
                int space = v.indexOf(' ');
                if (space > 0) {
                    values.add(v.substring(space + 1));
                }
            }
        }
        formValues(request.uri().getRawQuery(), values);
        String type = request.headers().entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase("Content-Type"))
                .map(Map.Entry::getValue).findFirst().orElse("");
        if (type.startsWith("application/x-www-form-urlencoded")) {
            formValues(new String(request.body(), StandardCharsets.UTF_8), values);
        }
        return and(values);
    }

    private static void formValues(String form, List<String> into) {
        if (form == null || form.isEmpty()) {
            return;
        }
        for (String pair : form.split("&")) {
            int eq = pair.indexOf('=');
            if (eq <= 0) {
                continue;
            }
            String name = decode(pair.substring(0, eq));
            if (SecretKeys.isSecret(name, 0, name.length(), true)) {
                into.add(pair.substring(eq + 1));
                into.add(decode(pair.substring(eq + 1)));
            }
        }
    }

    private static String decode(String s) {
        try {
            return URLDecoder.decode(s, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return s;
        }
    }

    /**
     * Masks every secret in a text.
     *
     * @param text foreign text, or {@code null}
     * @return the text with each secret replaced by {@value #MASK}; {@code null} for {@code null}
     */
    public String redact(String text) {
        if (text == null || text.isEmpty()) {
            return text;
        }
        boolean[] mask = new boolean[text.length()];
        SecretShapes.mark(text, mask);
        KnownValues.mark(text, known, mask);
        StringBuilder sb = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            if (!mask[i]) {
                sb.append(text.charAt(i));
            } else if (i == 0 || !mask[i - 1]) {
                sb.append(MASK);
            }
        }
        return sb.toString();
    }

    /**
     * Masks secrets and shortens the text to a few lines for a message: blank lines dropped, at
     * most {@value Excerpt#MAX_LINES} lines joined with {@code " | "}, at most
     * {@value Excerpt#MAX_CHARS} characters. Masking comes first, so no cut can split a secret
     * into pieces that are no longer recognised.
     *
     * @param text foreign text, such as a tool's error output or an error body
     * @return the excerpt, or {@code (no output)} for blank text
     */
    public String excerpt(String text) {
        if (text == null || text.isBlank()) {
            return Excerpt.NONE;
        }
        return Excerpt.shorten(redact(text));
    }

    /**
     * Masks secrets, then keeps the first line, at most {@code maxChars} characters of it.
     *
     * @param text foreign text, or {@code null}
     * @param maxChars the most characters to keep
     * @return the first line, or {@code null} for {@code null}
     */
    public String firstLine(String text, int maxChars) {
        return text == null ? null : Excerpt.firstLine(redact(text), maxChars);
    }

    /**
     * A cause that is safe to attach to an exception: the throwable itself when no message in its
     * chain holds a secret, else a copy of the chain with masked messages, the original class
     * names and the original stack traces.
     *
     * @param cause a foreign exception, or {@code null}
     * @return a safe cause, or {@code null}
     */
    public Throwable cause(Throwable cause) {
        return RedactedException.of(cause, this);
    }

    /** Shows how many values it knows, never the values. */
    @Override
    public String toString() {
        return "Redactor[" + known.size() + " known values]";
    }
}
