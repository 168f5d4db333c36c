package dev.azid.internal.credential;

import dev.azid.RetryOptions;
import dev.azid.http.HttpRequestInterceptor;
import dev.azid.http.HttpTransport;
import dev.azid.internal.diagnostics.UnsafeHttpLog;
import dev.azid.internal.http.RequestHeaders;
import dev.azid.internal.http.RetryPolicy;
import dev.azid.internal.oauth2.ClientHeaders;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The HTTP part of {@code CredentialOptions}: retry overrides, request customisation and the
 * diagnostics switches, applied by {@link Pipelines} to every pipeline it creates.
 *
 * @param retry the user's retry options, or {@code null} for every endpoint's default
 * @param applicationId goes in front of the User-Agent, or {@code null}
 * @param headers custom headers for every request, in order
 * @param interceptors see every attempt, in order
 * @param accountIdentifierLogging log the identifiers of each token received
 * @param unsafeSupportLogging log requests and responses with their bodies
 */
public record HttpSettings(RetryOptions retry, String applicationId, Map<String, String> headers,
        List<HttpRequestInterceptor> interceptors, boolean accountIdentifierLogging, boolean unsafeSupportLogging) {

    /** Nothing customised: azid's defaults. */
    public static final HttpSettings DEFAULT = new HttpSettings(null, null, Map.of(), List.of(), false, false);

    /** Copies. */
    public HttpSettings {
        headers = Collections.unmodifiableMap(new LinkedHashMap<>(headers));
        interceptors = List.copyOf(interceptors);
    }

    /**
     * An endpoint's retry policy with the user's settings applied. Precedence, applied here and
     * nowhere else: a value set on {@code RetryOptions} &gt; the endpoint's default.
     *
     * @param endpointDefault the endpoint's own policy
     * @return the policy that applies
     */
    public RetryPolicy retryPolicy(RetryPolicy endpointDefault) {
        if (retry == null) {
            return endpointDefault;
        }
        RetryPolicy d = endpointDefault;
        var base = retry.baseDelay().orElse(d.baseDelay());
        var max = retry.maxDelay().orElse(d.maxDelay().compareTo(base) < 0 ? base : d.maxDelay());
        // A base delay set by the user is meant for every status, so it replaces IMDS's 410 special case.
        var byStatus = retry.baseDelay().isPresent() ? Map.<Integer, java.time.Duration>of() : d.baseDelayByStatus();
        return new RetryPolicy(retry.maxRetries().orElse(d.maxRetries()), base, max, d.maxRetryAfter(),
                retry.totalTimeout().orElse(d.totalTimeout()), d.retryStatuses(), byStatus,
                retry.tryTimeout().orElse(d.tryTimeout()), retry.retryDelay().orElse(d.delays()));
    }

    /**
     * Wraps a transport with what is configured: custom headers and the application id first (so
     * interceptors see them), then the interceptors in order, then the unsafe log next to the wire.
     * With nothing configured, the transport itself.
     *
     * @param transport the transport
     * @return the transport every attempt goes through
     */
    public HttpTransport decorate(HttpTransport transport) {
        HttpTransport t = unsafeSupportLogging ? new UnsafeHttpLog(transport) : transport;
        for (int i = interceptors.size() - 1; i >= 0; i--) {
            t = t.with(interceptors.get(i));
        }
        if (applicationId != null || !headers.isEmpty()) {
            t = new RequestHeaders(t, applicationId, headers, ClientHeaders.SKU + "/" + ClientHeaders.VERSION);
        }
        return t;
    }

    /**
     * Names what is set; header values are left out, since one may be a key.
     *
     * @return the description, for {@code CredentialOptions.toString()}
     */
    public String describe() {
        return "retryOptions=" + (retry == null ? "default" : retry) + ", applicationId=" + applicationId
                + ", headers=" + headers.keySet() + ", interceptors=" + interceptors.size()
                + ", accountIdentifierLogging=" + accountIdentifierLogging
                + ", unsafeSupportLogging=" + unsafeSupportLogging;
    }
}
