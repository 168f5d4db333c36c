package dev.azid.emulator.internal;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * The handler of the listener behind transparent mode's tunnels: serves a request as the real host
 * its {@code Host} header names ({@code https://login.microsoftonline.com} becomes the base URL of
 * every URL and issuer in the answer), with the same dispatcher, faults and request log as the
 * other listeners. A host transparent mode does not serve gets 421 (Misdirected Request).
 */
final class RealHostHandler implements HttpHandler {

    private final ListenerContext context;

    RealHostHandler(ListenerContext context) {
        this.context = context;
    }

    @Override
    public void handle(HttpExchange ex) throws IOException {
        String host = host(ex.getRequestHeaders().getFirst("Host"));
        if (host == null) {
            byte[] body = ("The azid emulator's transparent mode serves only the real Entra ID, Resource Manager and "
                    + "Key Vault hosts on port 443.\n").getBytes(StandardCharsets.UTF_8);
            ex.getResponseHeaders().set("Content-Type", "text/plain; charset=utf-8");
            ex.sendResponseHeaders(421, body.length);
            ex.getResponseBody().write(body);
            ex.close();
            return;
        }
        new Listener("https://" + host, true, context).handle(ex);
    }

    /** The served host a {@code Host} header names, lower-cased, or {@code null}. */
    static String host(String header) {
        if (header == null) {
            return null;
        }
        String h = header.trim().toLowerCase(Locale.ROOT);
        int colon = h.indexOf(':');
        if (colon >= 0) {
            if (!h.substring(colon + 1).equals("443")) {
                return null;
            }
            h = h.substring(0, colon);
        }
        return RealHosts.served(h) ? h : null;
    }
}
