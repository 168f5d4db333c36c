package dev.azid.differential;

import dev.azid.emulator.Call;
import dev.azid.emulator.Dispatcher;
import dev.azid.emulator.Reply;
import java.net.URI;

/**
 * The side's emulator's dispatcher: the route table, except that the public cloud's instance discovery
 * about an authority on this machine is answered as the emulator answers it at its own address (the
 * authority's host as its own alias). Through transparent mode the real host would answer 400
 * {@code invalid_instance} (Entra ID does not know a private host), which MSAL throws; the scenarios model a
 * machine where MSAL can use a private authority, without azure-core's retries of an unreachable public
 * cloud. The request still shows as outbound ({@code CONNECT login.microsoftonline.com:443}) in the comparison.
 */
final class LocalInstanceDiscovery implements Dispatcher {

    private final Dispatcher routes;

    LocalInstanceDiscovery(Dispatcher routes) {
        this.routes = routes;
    }

    @Override
    public Reply dispatch(Call call) {
        if (!isLocal(call.baseUrl()) && call.path().equals("/common/discovery/instance")
                && isLocal(call.query().getOrDefault("authorization_endpoint", ""))) {
            URI authority = URI.create(call.query().get("authorization_endpoint"));
            String local = "https://" + authority.getHost() + ":" + authority.getPort();
            return routes.dispatch(new Call(call.method(), call.path(), call.query(), call.headers(), call.form(), call.body(),
                    call.contentType(), local, true));
        }
        return routes.dispatch(call);
    }

    private static boolean isLocal(String url) {
        try {
            String host = URI.create(url).getHost();
            return host != null && (host.equals("127.0.0.1") || host.equals("localhost"));
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
