package dev.azid.azure.identity;

import com.azure.core.http.HttpClient;
import com.azure.core.http.HttpPipelineBuilder;
import com.azure.core.http.HttpPipelinePosition;
import com.azure.core.http.policy.HttpLogDetailLevel;
import com.azure.core.http.policy.HttpLoggingPolicy;
import com.azure.core.http.policy.HttpPipelinePolicy;
import com.azure.core.http.policy.RetryPolicy;
import com.azure.core.util.HttpClientOptions;
import dev.azid.Environment;
import dev.azid.http.HttpTransport;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Chooses the azid transport for a compatibility builder's azure-core HTTP settings: none set means
 * azid's own transport; a pipeline is used as given; a client, policies, a retry policy, a proxy or
 * request logging make an azure-core pipeline, ordered as azure-identity orders its own: the
 * {@code PER_CALL} policies, the retry policy, the {@code PER_RETRY} policies (the default position),
 * the logging policy. Client options decorate whichever transport results.
 */
final class CompatTransports {

    private CompatTransports() {
    }

    /**
     * The transport, or empty for azid's default.
     *
     * @param name the builder's name, for messages
     * @param b the builder's settings
     * @param environment where azid's default transport reads proxy variables, when it is decorated
     * @return the transport
     * @throws IllegalArgumentException if settings that exclude each other are combined
     */
    static Optional<HttpTransport> select(String name, CompatBuilder<?> b, Environment environment) {
        boolean logging = b.httpLogOptions != null && b.httpLogOptions.getLogLevel() != null
                && b.httpLogOptions.getLogLevel() != HttpLogDetailLevel.NONE;
        RetryPolicy retry = CompatRetries.pipelinePolicy(b);
        boolean core = b.httpClient != null || !b.policies.isEmpty() || b.proxyOptions != null || logging || retry != null;
        HttpTransport transport = null;
        if (b.pipeline != null) {
            if (core) {
                throw new IllegalArgumentException(name + ": httpPipeline(...) is set together with httpClient, addPolicy, "
                        + "proxyOptions, httpLogOptions, retryPolicy or a retryOptions shouldRetryCondition. Build those "
                        + "into the pipeline and set only httpPipeline(...).");
            }
            transport = new AzureCoreHttpTransport(b.pipeline);
        } else if (core) {
            if (b.httpClient != null && b.proxyOptions != null) {
                throw new IllegalArgumentException(name + ": both httpClient(...) and proxyOptions(...) are set. Configure "
                        + "the proxy on the HttpClient, or drop httpClient(...) to have one created with the proxy.");
            }
            HttpClient client = b.httpClient != null ? b.httpClient
                    : HttpClient.createDefault(new HttpClientOptions().setProxyOptions(b.proxyOptions));
            List<HttpPipelinePolicy> all = new ArrayList<>();
            b.policies.stream().filter(p -> p.getPipelinePosition() == HttpPipelinePosition.PER_CALL).forEach(all::add);
            if (retry != null) {
                all.add(retry);
            }
            b.policies.stream().filter(p -> p.getPipelinePosition() != HttpPipelinePosition.PER_CALL).forEach(all::add);
            if (logging) {
                all.add(new HttpLoggingPolicy(b.httpLogOptions));
            }
            transport = new AzureCoreHttpTransport(new HttpPipelineBuilder().httpClient(client)
                    .policies(all.toArray(new HttpPipelinePolicy[0])).build());
        }
        if (HeaderTransport.hasEffect(b.clientOptions)) {
            transport = new HeaderTransport(transport != null ? transport
                    : HttpTransport.builder().environment(environment).build(), b.clientOptions);
        }
        return Optional.ofNullable(transport);
    }
}
