package dev.azid.internal.credential;

import dev.azid.http.HttpTransport;
import dev.azid.internal.http.HttpPipeline;
import dev.azid.internal.http.LazyTransport;
import dev.azid.internal.http.RetryPolicy;
import dev.azid.internal.oauth2.TokenEndpointClient;
import dev.azid.internal.redact.Redactor;
import dev.azid.internal.shared.SharedTokens;

/**
 * Makes every HTTP pipeline of every credential from its {@link CredentialSettings}, so that the
 * options' retry settings, headers, interceptors and diagnostics switches reach every HTTP call.
 * Immutable and thread-safe; obtained from {@link CredentialSettings#pipelines()}.
 */
public final class Pipelines {

    private final CredentialSettings settings;

    Pipelines(CredentialSettings settings) {
        this.settings = settings;
    }

    /**
     * A pipeline over the configured transport (or the lazily created default one).
     *
     * @param endpointDefault the endpoint's retry policy, before the options' retry settings apply
     * @return the pipeline
     */
    public HttpPipeline pipeline(RetryPolicy endpointDefault) {
        return pipelineOver(transport(), endpointDefault);
    }

    /**
     * A pipeline for the Instance Metadata Service: as {@link #pipeline}, and, when the shared cache
     * has a host request limiter ({@code FileSharedTokenStore}), every attempt waits for its turn
     * among all the host's processes.
     *
     * @param endpointDefault the endpoint's retry policy, before the options' retry settings apply
     * @return the pipeline
     */
    public HttpPipeline imdsPipeline(RetryPolicy endpointDefault) {
        SharedTokens shared = settings.sharedTokens();
        HttpTransport base = transport();
        return pipelineOver(shared == null ? base : shared.limitManagedIdentity(base), endpointDefault);
    }

    /**
     * A pipeline over a given transport, with the settings' clock and sleeper. Every other method
     * of this class ends here.
     *
     * @param over the transport
     * @param endpointDefault the endpoint's retry policy, before the options' retry settings apply
     * @return the pipeline
     */
    public HttpPipeline pipelineOver(HttpTransport over, RetryPolicy endpointDefault) {
        HttpSettings http = settings.http();
        return new HttpPipeline(http.decorate(over), http.retryPolicy(endpointDefault), settings.clock(),
                settings.sleeper(), settings.jitter()).withAccountIdentifierLogging(http.accountIdentifierLogging());
    }

    /**
     * A token endpoint client with the default retry policy.
     *
     * @param credentialName the credential
     * @param redactor masks the credential's own secrets (see {@link Redactor#withSecrets}) in
     *     messages and logs about the endpoint's answers
     * @return the client
     */
    public TokenEndpointClient tokenEndpoint(String credentialName, Redactor redactor) {
        return new TokenEndpointClient(credentialName, pipeline(RetryPolicy.DEFAULT), settings.clock(), redactor);
    }

    private HttpTransport transport() {
        return settings.hasTransport() ? settings.explicitTransport() : LazyTransport.forEnvironment(settings.environment());
    }
}
