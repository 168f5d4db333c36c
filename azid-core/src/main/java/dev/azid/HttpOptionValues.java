package dev.azid;

import dev.azid.http.HttpRequestInterceptor;
import dev.azid.internal.credential.HttpSettings;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

/**
 * The HTTP part of {@link CredentialOptions.Builder}: retries, application id, custom headers,
 * interceptors and the diagnostics switches; their setters, their state and its check at
 * {@code build()}. Package-private: its public setters are documented and used as
 * {@code CredentialOptions.Builder}'s. Not thread-safe.
 */
abstract sealed class HttpOptionValues extends CoreOptionValues permits CredentialOptions.Builder {

    private RetryOptions retry;
    private String applicationId;
    private final Map<String, String> headers = new LinkedHashMap<>();
    private final List<HttpRequestInterceptor> interceptors = new ArrayList<>();
    private boolean accountIdentifierLogging;
    private boolean unsafeSupportLogging;

    HttpOptionValues() {
    }

    /**
     * Sets how every HTTP call is retried (default: each endpoint's own policy, described on
     * {@link RetryOptions}). Replaces what {@link #maxRetry} and {@link #retryTimeout} set before.
     *
     * @param retryOptions the options; settings left unset there keep each endpoint's default
     * @return this builder
     */
    public final CredentialOptions.Builder retryOptions(RetryOptions retryOptions) {
        retry = Objects.requireNonNull(retryOptions, "CredentialOptions.retryOptions");
        return self();
    }

    /**
     * Sets the number of retries after the first attempt of every HTTP call, as azure-identity's
     * {@code maxRetry} (default: 3; 5 for IMDS; 1 for cloud discovery). The same as setting
     * {@link RetryOptions.Builder#maxRetries} on the current retry options.
     *
     * @param maxRetry 0 or more; 0 turns retries off
     * @return this builder
     * @throws IllegalArgumentException if {@code maxRetry} is negative
     */
    public final CredentialOptions.Builder maxRetry(int maxRetry) {
        retry = retryOrEmpty().toBuilder().maxRetries(maxRetry).build();
        return self();
    }

    /**
     * Sets the wait before each retry, as azure-identity's {@code retryTimeout}: the wait before
     * retry {@code n} is {@code retryTimeout.apply(Duration.ofSeconds(n))} (default: exponential
     * back-off from 800 ms with jitter). The same as {@link RetryOptions.Builder#retryDelay}.
     *
     * @param retryTimeout a thread-safe function returning a duration of zero or more
     * @return this builder
     */
    public final CredentialOptions.Builder retryTimeout(Function<Duration, Duration> retryTimeout) {
        retry = retryOrEmpty().toBuilder().retryDelay(retryTimeout).build();
        return self();
    }

    /**
     * Puts an application id in front of the {@code User-Agent} of every request, as azure-core's
     * {@code ClientOptions.applicationId} does (default: none; the User-Agent is azid's own).
     *
     * @param applicationId 1 to 256 visible ASCII characters, no spaces
     * @return this builder
     */
    public final CredentialOptions.Builder applicationId(String applicationId) {
        this.applicationId = Objects.requireNonNull(applicationId, "CredentialOptions.applicationId");
        return self();
    }

    /**
     * Adds a header to every request, or replaces the value set before (default: none). A header
     * the protocol sets itself on a request keeps azid's value there. {@code User-Agent} is
     * refused (use {@link #applicationId}), as are headers the transport owns ({@code Host},
     * {@code Content-Length}, ...).
     *
     * @param name a valid header name
     * @param value the value, without line breaks
     * @return this builder
     */
    public final CredentialOptions.Builder header(String name, String value) {
        headers.put(Objects.requireNonNull(name, "CredentialOptions.header name"),
                Objects.requireNonNull(value, "CredentialOptions.header value"));
        return self();
    }

    /**
     * Adds an interceptor that sees every HTTP attempt of every credential (default: none); see
     * {@link HttpRequestInterceptor} for what it may do and the secrets it sees.
     * Interceptors run in the order they are added.
     *
     * @param interceptor the interceptor
     * @return this builder
     */
    public final CredentialOptions.Builder addInterceptor(HttpRequestInterceptor interceptor) {
        interceptors.add(Objects.requireNonNull(interceptor, "CredentialOptions.interceptor"));
        return self();
    }

    /**
     * Logs, at INFO, the client (application) id, tenant id, user principal name and object id
     * named by the claims of each access token received from Entra ID or a managed identity, as
     * azure-identity's {@code enableAccountIdentifierLogging} does (default: off). The token is
     * never logged. These identifiers are personal data: enable on protected machines only.
     *
     * @return this builder
     */
    public final CredentialOptions.Builder enableAccountIdentifierLogging() {
        accountIdentifierLogging = true;
        return self();
    }

    /**
     * <b>Unsafe: logs secrets and tokens.</b> Logs every HTTP request and response, headers and
     * bodies included (each cut to a bound), at DEBUG on the logger
     * {@code dev.azid.UnsafeSupportLogging}, for a support case (default: off). Bodies hold client
     * secrets, assertions, passwords, refresh and access tokens; headers hold managed-identity
     * secrets. Never enable it in production or where logs are shared.
     *
     * @return this builder
     */
    public final CredentialOptions.Builder enableUnsafeSupportLogging() {
        unsafeSupportLogging = true;
        return self();
    }

    /** Takes the values of a built options value, for {@code toBuilder()}. */
    final void copyFrom(HttpSettings http) {
        retry = http.retry();
        applicationId = http.applicationId();
        headers.putAll(http.headers());
        interceptors.addAll(http.interceptors());
        accountIdentifierLogging = http.accountIdentifierLogging();
        unsafeSupportLogging = http.unsafeSupportLogging();
    }

    private RetryOptions retryOrEmpty() {
        return retry != null ? retry : RetryOptions.builder().build();
    }

    private CredentialOptions.Builder self() {
        // Sound: the class is sealed and permits only CredentialOptions.Builder.
        return (CredentialOptions.Builder) this;
    }

    /** Checks what cannot be checked in the setters alone. */
    final void validateHttp() {
        HttpOptionChecks.check(applicationId, headers);
    }

    final HttpSettings toSettings() {
        return new HttpSettings(retry, applicationId, headers, interceptors, accountIdentifierLogging, unsafeSupportLogging);
    }
}
