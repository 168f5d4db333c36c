package dev.azid.internal.oauth2;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/** Builds an {@code application/x-www-form-urlencoded} body. */
public final class FormBody {

    private final StringBuilder body = new StringBuilder();

    /**
     * Adds a field; {@code null} values are skipped.
     *
     * @param name the field name
     * @param value the value
     * @return this
     */
    public FormBody add(String name, String value) {
        if (value == null) {
            return this;
        }
        if (body.length() > 0) {
            body.append('&');
        }
        body.append(URLEncoder.encode(name, StandardCharsets.UTF_8)).append('=')
                .append(URLEncoder.encode(value, StandardCharsets.UTF_8));
        return this;
    }

    /**
     * The encoded body.
     *
     * @return the body; it may hold secrets
     */
    public String encode() {
        return body.toString();
    }

    /** Never shows the body: it may hold secrets. */
    @Override
    public String toString() {
        return "FormBody[" + body.length() + " chars]";
    }
}
