package dev.azid;

import dev.azid.http.HttpRequest;
import dev.azid.http.HttpResponse;
import dev.azid.http.HttpTransport;
import dev.azid.internal.cloud.MetadataParser;
import dev.azid.internal.credential.CredentialSettings;
import dev.azid.internal.http.HttpPipeline;
import dev.azid.internal.http.RetryPolicy;
import dev.azid.internal.redact.Redactor;
import dev.azid.internal.util.EndpointUrl;
import dev.azid.internal.util.UrlUse;
import dev.azid.internal.util.Uris;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Discovers an {@link AzureCloud} from an Azure Resource Manager metadata endpoint, as Azure Stack
 * Hub and private clouds publish it: first {@code GET {arm}/metadata/endpoints?api-version=2022-09-01}
 * (an array of clouds, chosen by name or by resource manager URL), and when that version is refused,
 * {@code api-version=2015-01-01} (one object). A login endpoint ending in {@code /adfs} makes an AD FS
 * cloud. Results are cached per URL and name in this instance. Thread-safe.
 */
public final class CloudDiscovery {

    private final HttpPipeline pipeline;
    private final Duration timeout;
    private final Map<String, AzureCloud> cache = new ConcurrentHashMap<>();

    private CloudDiscovery(HttpPipeline pipeline, Duration timeout) {
        this.pipeline = pipeline;
        this.timeout = timeout;
    }

    /**
     * Starts a builder.
     *
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Discovers the cloud served by an ARM endpoint.
     *
     * @param armEndpoint e.g. {@code https://management.local.azurestack.external/}
     * @return the cloud
     * @throws CloudDiscoveryException if it cannot
     */
    public AzureCloud discover(URI armEndpoint) {
        return discover(armEndpoint, null);
    }

    /**
     * Discovers a cloud by name from an ARM endpoint that lists several.
     *
     * @param armEndpoint the ARM endpoint
     * @param name the cloud's name, e.g. {@code AzureCloud}, or {@code null}
     * @return the cloud
     * @throws CloudDiscoveryException if it cannot
     */
    public AzureCloud discover(URI armEndpoint, String name) {
        URI arm;
        try {
            arm = Uris.withTrailingSlash(EndpointUrl.check(armEndpoint.toString(), "the ARM endpoint",
                    UrlUse.RESOURCE_MANAGER));
        } catch (IllegalArgumentException e) {
            throw new CloudDiscoveryException("CloudDiscovery: " + e.getMessage(), null);
        }
        return cache.computeIfAbsent(arm + "|" + (name == null ? "" : name), k -> fetch(arm, name));
    }

    private AzureCloud fetch(URI arm, String name) {
        HttpResponse response = get(arm, "2022-09-01");
        if (response.statusCode() >= 400 && response.statusCode() < 500) {
            response = get(arm, "2015-01-01");
        }
        String where = "GET " + arm + "metadata/endpoints";
        if (!response.isSuccess()) {
            throw new CloudDiscoveryException("CloudDiscovery: " + where + " answered HTTP " + response.statusCode()
                    + ". Check that " + arm + " is an Azure Resource Manager endpoint.", null);
        }
        try {
            return MetadataParser.parse(response.body(), arm, name);
        } catch (IllegalStateException e) {
            throw new CloudDiscoveryException("CloudDiscovery: " + where + " did not answer with Azure cloud metadata: "
                    + Redactor.SHAPES.redact(e.getMessage()) + ". Check that " + arm + " is an Azure Resource Manager endpoint.",
                    null);
        }
    }

    private HttpResponse get(URI arm, String apiVersion) {
        URI url = URI.create(arm + "metadata/endpoints?api-version=" + apiVersion);
        HttpRequest request = HttpRequest.get(url, Map.of("Accept", "application/json"), timeout);
        try {
            return pipeline.send(request);
        } catch (IOException e) {
            Redactor redactor = Redactor.SHAPES.forRequest(request);
            throw new CloudDiscoveryException("CloudDiscovery: GET " + Uris.redact(url) + " failed ("
                    + e.getClass().getSimpleName() + ": " + redactor.redact(e.getMessage())
                    + "). Check the URL and network access.", redactor.cause(e));
        }
    }

    @Override
    public String toString() {
        return "CloudDiscovery[cached=" + cache.size() + "]";
    }

    /** Builds a {@link CloudDiscovery}. Not thread-safe. */
    public static final class Builder {
        private CredentialOptions options = CredentialOptions.defaults();
        private Duration timeout = Duration.ofSeconds(10);

        private Builder() {
        }

        /**
         * Uses these options: their transport, retry options, headers, interceptors and diagnostics
         * switches (default: {@link CredentialOptions#defaults()}). Replaces a transport set before.
         *
         * @param value the options
         * @return this builder
         */
        public Builder options(CredentialOptions value) {
            this.options = Objects.requireNonNull(value, "CloudDiscovery.options");
            return this;
        }

        /**
         * Sets the HTTP transport.
         *
         * @param transport the transport
         * @return this builder
         */
        public Builder httpTransport(HttpTransport transport) {
            options = options.toBuilder().httpTransport(transport).build();
            return this;
        }

        /**
         * Sets the most time one request may take (default 10 s; the whole discovery at most three
         * times that).
         *
         * @param value a positive duration
         * @return this builder
         */
        public Builder timeout(Duration value) {
            this.timeout = Objects.requireNonNull(value, "timeout");
            return this;
        }

        /**
         * Builds it. Performs no I/O.
         *
         * @return the discovery
         */
        public CloudDiscovery build() {
            CredentialSettings settings = options.settings();
            if (timeout.isNegative() || timeout.isZero()) {
                throw new IllegalArgumentException("CloudDiscovery: timeout must be positive.");
            }
            RetryPolicy retry = new RetryPolicy(1, Duration.ofMillis(500), Duration.ofSeconds(2), Duration.ofSeconds(5),
                    timeout.multipliedBy(3), RetryPolicy.DEFAULT.retryStatuses());
            return new CloudDiscovery(settings.pipelines().pipeline(retry), timeout);
        }
    }
}
