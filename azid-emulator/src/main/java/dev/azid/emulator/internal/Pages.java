package dev.azid.emulator.internal;

import dev.azid.emulator.EmulatorConfig.Tenant;
import dev.azid.emulator.EmulatorConfig.User;
import dev.azid.emulator.Reply;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;

/** What the pages a person uses share: HTML answers, escaping and the password check. */
final class Pages {

    private Pages() {
    }

    /**
     * An HTML answer.
     *
     * @param status the status
     * @param body the page
     * @return the reply
     */
    static Reply html(int status, String body) {
        return new Reply(status, Map.of("Content-Type", "text/html; charset=utf-8"), body.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * Escapes text for HTML.
     *
     * @param s the text, or {@code null}
     * @return the escaped text ({@code ""} for {@code null})
     */
    static String esc(String s) {
        if (s == null) {
            return "";
        }
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;").replace("'", "&#39;");
    }

    /**
     * The user with these credentials.
     *
     * @param tenant the tenant
     * @param username the name typed
     * @param password the password typed
     * @return the user, if both match
     */
    static Optional<User> user(Tenant tenant, String username, String password) {
        return tenant.users().stream().filter(u -> u.username().equalsIgnoreCase(String.valueOf(username).trim())
                && u.password().equals(password)).findFirst();
    }
}
