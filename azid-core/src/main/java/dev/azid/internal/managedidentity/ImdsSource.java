package dev.azid.internal.managedidentity;

import dev.azid.AccessToken;
import dev.azid.CredentialUnavailableException;
import dev.azid.http.HttpRequest;
import dev.azid.http.HttpResponse;
import dev.azid.internal.http.RetryPolicy;
import java.io.IOException;
import java.time.Duration;
import java.util.Map;
import java.util.Set;

/**
 * The Azure Instance Metadata Service (VMs, scale sets, AKS nodes):
 * {@code GET {host}/metadata/identity/oauth2/token?api-version=2018-02-01&resource=R} with
 * {@code Metadata: true}. No answer at all, or 400 (identity not found), means "no managed identity
 * here": unavailable. Optionally probed first with a short, retry-free request without the
 * {@code Metadata} header, so a chain on a laptop moves on at once.
 */
final class ImdsSource implements MiSource {

    /**
     * IMDS retry policy: 5 retries from 800 ms doubling on 404, 429 and 5xx; 410 (IMDS upgrading)
     * starts at 4 s so that retries cover more than 70 s; Retry-After honoured up to
     * {@link RetryPolicy#MAX_RETRY_AFTER}, like every other endpoint; 140 s in all.
     */
    static final RetryPolicy RETRY = new RetryPolicy(5, Duration.ofMillis(800), Duration.ofSeconds(60),
            RetryPolicy.MAX_RETRY_AFTER, Duration.ofSeconds(140),
            Set.of(404, 410, 429, 500, 501, 502, 503, 504, 505, 506, 507, 508, 510, 511),
            Map.of(410, Duration.ofSeconds(4)));

    private static final Map<IdentityId.Kind, String> ID_PARAMETERS = Map.of(IdentityId.Kind.CLIENT_ID, "client_id",
            IdentityId.Kind.OBJECT_ID, "object_id", IdentityId.Kind.RESOURCE_ID, "msi_res_id");

    private final MiExchange exchange;
    private final String host;
    private final IdentityId id;
    private final Duration probeTimeout;
    private volatile boolean probed;

    ImdsSource(MiExchange exchange, String host, IdentityId id, Duration probeTimeout) {
        this.exchange = exchange;
        this.host = host.endsWith("/") ? host.substring(0, host.length() - 1) : host;
        this.id = id;
        this.probeTimeout = probeTimeout;
    }

    @Override
    public String name() {
        return "IMDS";
    }

    @Override
    public AccessToken token(String resource) {
        if (probeTimeout != null && !probed) {
            probe();
        }
        HttpRequest request = MiExchange.get(tokenUrl() + "?" + HeaderSource.query("2018-02-01", resource, id, ID_PARAMETERS),
                Map.of("Metadata", "true"));
        HttpResponse response;
        try {
            response = exchange.send(request);
        } catch (IOException e) {
            throw new CredentialUnavailableException(exchange.credentialName() + ": no managed identity endpoint answered at "
                    + host + " (" + e.getClass().getSimpleName() + "), so this is not an Azure VM, scale set or AKS node with "
                    + "a managed identity. Run on such a host, or use another credential.",
                    MiExchange.redactor(request).cause(e));
        }
        if (response.statusCode() == 400) {
            throw new CredentialUnavailableException(exchange.credentialName() + ": IMDS answered HTTP 400 for "
                    + id.describe() + ": " + MiExchange.describe(request, response) + ". Assign that identity to this VM (or "
                    + "enable its system-assigned identity), or configure the id of an identity that is assigned.");
        }
        if (unreachable(response)) {
            throw new CredentialUnavailableException(exchange.credentialName() + ": IMDS is unreachable from this network "
                    + "(HTTP 403: " + MiExchange.describe(request, response) + "); this is not an Azure host with a managed "
                    + "identity (a container runtime's proxy answered for the IMDS address). Run on such a host, or use "
                    + "another credential.");
        }
        return exchange.token("IMDS", request, response, id);
    }

    private String tokenUrl() {
        return host + "/metadata/identity/oauth2/token";
    }

    /**
     * IMDS refuses the header-less probe with a JSON error (400); silence means no IMDS, and an answer
     * that is not JSON, or an "unreachable" 403, comes from something else on that address (a proxy,
     * a firewall, a container runtime), so no IMDS either.
     */
    private void probe() {
        HttpRequest request = HttpRequest.get(java.net.URI.create(tokenUrl()), Map.of(), probeTimeout);
        try {
            HttpResponse answer = exchange.pipeline().withOptions(RetryPolicy.none(probeTimeout)).send(request);
            if (!isJson(answer) || unreachable(answer)) {
                throw new CredentialUnavailableException(exchange.credentialName() + ": something other than IMDS answered "
                        + "at " + host + " (HTTP " + answer.statusCode() + ", not an IMDS answer: "
                        + MiExchange.describe(request, answer) + "), probably a proxy or firewall, so this is not an Azure host with a "
                        + "managed identity.");
            }
            probed = true;
        } catch (IOException e) {
            throw new CredentialUnavailableException(exchange.credentialName() + ": no managed identity endpoint answered at "
                    + host + " within " + probeTimeout.toMillis() + " ms (" + e.getClass().getSimpleName() + "), so this is "
                    + "not an Azure host with a managed identity. On a busy Azure host, raise the probe timeout.",
                    MiExchange.redactor(request).cause(e));
        }
    }

    /**
     * A 403 that says the network or host is unreachable, in its body or its {@code ResponseMessage}
     * header, or that is not JSON at all: Docker Desktop's proxy answers so for the IMDS address
     * ("connectex: A socket operation was attempted to an unreachable network." or "... host.",
     * localised on some systems). IMDS itself answers in JSON.
     */
    private static boolean unreachable(HttpResponse response) {
        if (response.statusCode() != 403) {
            return false;
        }
        String header = response.header("ResponseMessage").orElse("");
        return mentionsUnreachable(header) || mentionsUnreachable(response.bodyText()) || !isJson(response);
    }

    private static boolean mentionsUnreachable(String text) {
        return text.toLowerCase(java.util.Locale.ROOT).contains("unreachable");
    }

    private static boolean isJson(HttpResponse response) {
        try {
            dev.azid.internal.json.JsonObject.parse(response.body());
            return true;
        } catch (dev.azid.internal.json.JsonFormatException e) {
            return false;
        }
    }

    @Override
    public String toString() {
        return "ImdsSource[" + host + ", " + id.describe() + "]";
    }
}
