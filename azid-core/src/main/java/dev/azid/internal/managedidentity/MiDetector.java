package dev.azid.internal.managedidentity;

import static dev.azid.internal.env.EnvironmentVariables.AZURE_POD_IDENTITY_AUTHORITY_HOST;
import static dev.azid.internal.env.EnvironmentVariables.DEFAULT_IDENTITY_CLIENT_ID;
import static dev.azid.internal.env.EnvironmentVariables.IDENTITY_ENDPOINT;
import static dev.azid.internal.env.EnvironmentVariables.IDENTITY_HEADER;
import static dev.azid.internal.env.EnvironmentVariables.IDENTITY_SERVER_THUMBPRINT;
import static dev.azid.internal.env.EnvironmentVariables.IMDS_ENDPOINT;
import static dev.azid.internal.env.EnvironmentVariables.MSI_ENDPOINT;
import static dev.azid.internal.env.EnvironmentVariables.MSI_SECRET;
import static dev.azid.internal.env.EnvironmentVariables.PROGRAM_DATA;

import dev.azid.AuthenticationFailedException;
import dev.azid.CredentialUnavailableException;
import dev.azid.Environment;
import dev.azid.http.HttpTransport;
import dev.azid.internal.credential.CredentialSettings;
import dev.azid.internal.http.RetryPolicy;
import dev.azid.internal.util.EndpointUrl;
import dev.azid.internal.util.UrlUse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;
import javax.net.ssl.SSLContext;

/**
 * Picks the managed-identity source from the environment, in the order Azure SDKs use: Service
 * Fabric, App Service 2019-08-01, Azure Arc, Azure ML / legacy App Service, Cloud Shell, then
 * IMDS. A source that cannot serve the requested identity, or an endpoint variable that breaks the
 * URL rule of {@link EndpointUrl}, yields a problem to report at the first {@code getToken}, before
 * any request.
 */
public final class MiDetector {

    /** The default IMDS host. */
    public static final String IMDS_HOST = "http://169.254.169.254";

    private MiDetector() {
    }

    /**
     * What was detected: a source, or the problem that stops it.
     *
     * @param source the source, or {@code null}
     * @param problem the exception to throw at {@code getToken}, or {@code null}
     */
    public record Detection(MiSource source, RuntimeException problem) {
    }

    /**
     * Options of the detection.
     *
     * @param credentialName the credential, for messages
     * @param id the identity wanted
     * @param settings transport, clock, sleeper
     * @param userTransport whether the user supplied the transport (then Service Fabric does not pin)
     * @param pinnedTransports makes a transport for a pinned TLS context
     * @param osName {@code os.name}
     * @param arcTokenDirectory overrides the platform's Arc token directory (tests), or {@code null}
     * @param probeTimeout probe IMDS first with this timeout, or {@code null} to not probe
     */
    public record Options(String credentialName, IdentityId id, CredentialSettings settings, boolean userTransport,
            Function<SSLContext, HttpTransport> pinnedTransports, String osName, Path arcTokenDirectory,
            Duration probeTimeout) {
    }

    /**
     * Detects the source.
     *
     * @param env the environment
     * @param o the options
     * @return the detection
     */
    public static Detection detect(Environment env, Options o) {
        try {
            return detectChecked(env, o);
        } catch (IllegalArgumentException e) {
            // An endpoint variable that breaks the URL rule: fail (stopping a chain) before any request,
            // rather than send the identity header or secret to wherever it points.
            return new Detection(null, new AuthenticationFailedException(e.getMessage(), e));
        }
    }

    private static Detection detectChecked(Environment env, Options o) {
        Optional<String> identityEndpoint = env.get(IDENTITY_ENDPOINT);
        Optional<String> identityHeader = env.get(IDENTITY_HEADER);
        Optional<String> msiEndpoint = env.get(MSI_ENDPOINT);
        String name = o.credentialName();
        MiExchange exchange = new MiExchange(name, o.settings().pipelines().pipeline(RetryPolicy.DEFAULT), o.settings().clock());
        if (identityEndpoint.isPresent() && identityHeader.isPresent() && env.get(IDENTITY_SERVER_THUMBPRINT).isPresent()) {
            if (o.id().userAssigned()) {
                return refuse(name, "Service Fabric", o.id(), true);
            }
            MiExchange pinned = exchange;
            if (!o.userTransport()) {
                ThumbprintTrustManager trust;
                try {
                    trust = new ThumbprintTrustManager(env.get(IDENTITY_SERVER_THUMBPRINT).get());
                } catch (IllegalArgumentException e) {
                    return new Detection(null, new AuthenticationFailedException(name + ": " + e.getMessage() + "."));
                }
                CredentialSettings s = o.settings();
                pinned = new MiExchange(name, s.pipelines().pipelineOver(o.pinnedTransports().apply(trust.sslContext()), RetryPolicy.DEFAULT),
                        s.clock());
            }
            return new Detection(new HeaderSource(HeaderSource.Protocol.SERVICE_FABRIC, pinned, endpoint(identityEndpoint.get(), name,
                    IDENTITY_ENDPOINT, UrlUse.SERVICE_FABRIC), identityHeader.get(), IdentityId.SYSTEM), null);
        }
        if (identityEndpoint.isPresent() && identityHeader.isPresent()) {
            return new Detection(new HeaderSource(HeaderSource.Protocol.APP_SERVICE, exchange, endpoint(identityEndpoint.get(), name,
                    IDENTITY_ENDPOINT, UrlUse.MANAGED_IDENTITY), identityHeader.get(), o.id()), null);
        }
        if (identityEndpoint.isPresent() && env.get(IMDS_ENDPOINT).isPresent()) {
            String arcEndpoint = endpoint(identityEndpoint.get(), name, IDENTITY_ENDPOINT, UrlUse.MANAGED_IDENTITY);
            endpoint(env.get(IMDS_ENDPOINT).get(), name, IMDS_ENDPOINT, UrlUse.MANAGED_IDENTITY);
            if (o.id().userAssigned()) {
                return refuse(name, "Azure Arc", o.id(), false);
            }
            Path dir = o.arcTokenDirectory() != null ? o.arcTokenDirectory() : arcDirectory(env, o.osName());
            if (dir == null) {
                return new Detection(null, new CredentialUnavailableException(name + ": Azure Arc managed identity works "
                        + "only on Linux and Windows, not on " + o.osName() + "."));
            }
            return new Detection(new ArcSource(exchange, arcEndpoint, dir), null);
        }
        if (msiEndpoint.isPresent() && env.get(MSI_SECRET).isPresent()) {
            IdentityId id = o.id().userAssigned() ? o.id() : env.get(DEFAULT_IDENTITY_CLIENT_ID)
                    .map(c -> new IdentityId(IdentityId.Kind.CLIENT_ID, c)).orElse(IdentityId.SYSTEM);
            return new Detection(new HeaderSource(HeaderSource.Protocol.LEGACY_MSI, exchange, endpoint(msiEndpoint.get(), name, MSI_ENDPOINT,
                    UrlUse.MANAGED_IDENTITY), env.get(MSI_SECRET).get(), id), null);
        }
        if (msiEndpoint.isPresent()) {
            if (o.id().userAssigned()) {
                return refuse(name, "Cloud Shell", o.id(), true);
            }
            return new Detection(new HeaderSource(HeaderSource.Protocol.CLOUD_SHELL, exchange, endpoint(msiEndpoint.get(), name, MSI_ENDPOINT,
                    UrlUse.MANAGED_IDENTITY), "true", IdentityId.SYSTEM), null);
        }
        String host = endpoint(env.get(AZURE_POD_IDENTITY_AUTHORITY_HOST).orElse(IMDS_HOST), name,
                AZURE_POD_IDENTITY_AUTHORITY_HOST, UrlUse.MANAGED_IDENTITY);
        MiExchange imds = new MiExchange(name, o.settings().pipelines().imdsPipeline(ImdsSource.RETRY), o.settings().clock());
        return new Detection(new ImdsSource(imds, host, o.id(), o.probeTimeout()), null);
    }

    /** Checks an endpoint variable with the one URL rule; it is used exactly as set, never trimmed. */
    private static String endpoint(String value, String credentialName, String variable, UrlUse use) {
        return EndpointUrl.check(value, credentialName + ": " + variable, use).toString();
    }

    /**
     * A host that cannot select a user-assigned identity. Cloud Shell and Service Fabric are unavailable, as in
     * azure-identity (a chain moves on: the identity cannot be had here); Azure Arc fails, because azure-identity
     * sends the request there and fails on the answer.
     */
    private static Detection refuse(String name, String source, IdentityId id, boolean unavailable) {
        String message = name + ": " + source + " does not support user-assigned identities, but " + id.describe()
                + " was configured; it would silently get a token for another identity. Remove the client, object or "
                + "resource id to use the host's identity.";
        return new Detection(null, unavailable ? new CredentialUnavailableException(message)
                : new AuthenticationFailedException(message));
    }

    private static Path arcDirectory(Environment env, String osName) {
        String os = osName.toLowerCase(Locale.ROOT);
        if (os.startsWith("linux")) {
            return Path.of("/var/opt/azcmagent/tokens");
        }
        if (os.startsWith("windows")) {
            return env.get(PROGRAM_DATA).map(p -> Path.of(p, "AzureConnectedMachineAgent", "Tokens")).orElse(null);
        }
        return null;
    }
}
