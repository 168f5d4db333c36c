package dev.azid;

import dev.azid.http.HttpTransport;
import dev.azid.internal.cloud.AuthFileParser;
import dev.azid.internal.io.BoundedFileReader;
import dev.azid.internal.io.FileLimit;
import dev.azid.internal.io.FileRefusedException;
import dev.azid.internal.util.EndpointUrl;
import dev.azid.internal.util.UrlUse;
import dev.azid.internal.util.Uris;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A service principal described by an SDK auth file: the JSON written by
 * {@code az ad sp create-for-rbac --sdk-auth} (from a path, {@code AZURE_AUTH_LOCATION}, or an
 * in-memory map) or the older Java {@code .azureauth} properties file. Gives the tenant, client and
 * subscription ids, the matching {@link AzureCloud} (endpoints in the file override the built-in
 * cloud whose authority matches; otherwise a custom cloud), and a credential (secret or certificate).
 *
 * <p>Unknown fields are ignored; missing required fields are named; a path that is not a regular
 * file (a directory, pipe or device; a symbolic link to a regular file is followed) or a file over
 * 1 MiB is refused; a file that other users can read is reported once per load at WARN. Secrets never appear in
 * messages or {@link #toString()}.
 */
public final class AzureAuthFile {

    private static final Logger LOG = LoggerFactory.getLogger(AzureAuthFile.class);
    private final String source;
    private final Map<String, String> values;
    private final AzureCloud cloud;

    private AzureAuthFile(String source, Map<String, String> values) {
        this.source = source;
        this.values = values;
        for (String required : new String[] {"clientId", "tenantId"}) {
            if (!values.containsKey(required)) {
                throw new IllegalArgumentException("AzureAuthFile: " + source + " has no '" + required + "'. Write the file "
                        + "with 'az ad sp create-for-rbac --sdk-auth', or add the field.");
            }
        }
        if (!values.containsKey("clientSecret") && !values.containsKey("clientCertificate")) {
            throw new IllegalArgumentException("AzureAuthFile: " + source + " has neither 'clientSecret' nor "
                    + "'clientCertificate'. Add one of them.");
        }
        this.cloud = cloudOf(source, values);
    }

    /**
     * Reads an auth file.
     *
     * @param path the file
     * @return the auth file
     * @throws IllegalArgumentException naming the path and what is wrong
     */
    public static AzureAuthFile fromPath(Path path) {
        try {
            byte[] data = BoundedFileReader.system().read(path, FileLimit.AUTH_FILE);
            warnIfShared(path);
            return parse(path.toString(), new String(data, StandardCharsets.UTF_8));
        } catch (FileRefusedException e) {
            throw new IllegalArgumentException("AzureAuthFile: " + path + " " + e.reason()
                    + ". Point it at the file written by 'az ad sp create-for-rbac --sdk-auth'.", e);
        } catch (IOException e) {
            throw new IllegalArgumentException("AzureAuthFile: " + path + " cannot be read (" + e.getClass().getSimpleName()
                    + "). Check the path and its permissions.", e);
        }
    }

    /**
     * Reads the auth file named by {@code AZURE_AUTH_LOCATION}.
     *
     * @param env the environment
     * @return the auth file
     * @throws IllegalArgumentException if the variable is unset or the file is unusable
     */
    public static AzureAuthFile fromEnvironment(Environment env) {
        String location = env.get("AZURE_AUTH_LOCATION").orElseThrow(() -> new IllegalArgumentException(
                "AzureAuthFile: AZURE_AUTH_LOCATION is not set. Set it to the path of an SDK auth file."));
        return fromPath(Path.of(location.trim()));
    }

    /**
     * Reads auth-file fields from an in-memory JSON object (e.g. parsed elsewhere).
     *
     * @param map the fields
     * @return the auth file
     */
    public static AzureAuthFile fromMap(Map<String, ?> map) {
        try {
            return new AzureAuthFile("the auth map", AuthFileParser.fromMap(map));
        } catch (IllegalStateException e) {
            throw new IllegalArgumentException("AzureAuthFile: the auth map is not usable: " + e.getMessage() + ".");
        }
    }

    private static AzureAuthFile parse(String source, String text) {
        try {
            return new AzureAuthFile(source, AuthFileParser.parse(text));
        } catch (IllegalStateException e) {
            throw new IllegalArgumentException("AzureAuthFile: " + source + " is not a usable auth file: " + e.getMessage()
                    + ". Write it with 'az ad sp create-for-rbac --sdk-auth'.");
        }
    }

    private static void warnIfShared(Path path) {
        try {
            Set<PosixFilePermission> perms = Files.getPosixFilePermissions(path);
            if (perms.contains(PosixFilePermission.GROUP_READ) || perms.contains(PosixFilePermission.OTHERS_READ)) {
                LOG.warn("AzureAuthFile: {} holds a secret but other users can read it; run 'chmod 600 {}'.", path, path);
            }
        } catch (UnsupportedOperationException | IOException e) {
            // Not a POSIX file system: nothing to check.
        }
    }

    private static AzureCloud cloudOf(String source, Map<String, String> v) {
        String login = v.get("activeDirectoryEndpointUrl");
        AzureCloud base = AzureCloud.AZURE_PUBLIC_CLOUD;
        if (login != null) {
            java.net.URI host = Uris.authorityHost(login, "AzureAuthFile: activeDirectoryEndpointUrl in " + source);
            base = AzureCloud.namedClouds().stream().filter(c -> c.authorityHost().equals(host)).findFirst()
                    .orElse(base.toBuilder().name("AuthFile").authorityHost(host.toString()).build());
        }
        AzureCloudBuilder b = base.toBuilder();
        Optional.ofNullable(v.get("resourceManagerEndpointUrl")).ifPresent(rm -> b.resourceManagerEndpoint(EndpointUrl.check(rm,
                "AzureAuthFile: resourceManagerEndpointUrl in " + source, UrlUse.RESOURCE_MANAGER).toString()));
        AzureCloud.Endpoints e = base.endpoints();
        b.endpoints(new AzureCloud.Endpoints(v.getOrDefault("managementEndpointUrl", e.management()),
                v.getOrDefault("sqlManagementEndpointUrl", e.sqlManagement()), e.batchResourceId(),
                v.getOrDefault("galleryEndpointUrl", e.gallery()), e.portal(),
                v.getOrDefault("activeDirectoryGraphResourceId", e.activeDirectoryGraphResourceId()),
                e.microsoftGraphResourceId(), e.mediaResourceId(), e.logAnalyticsResourceId(), e.appInsightsResourceId(),
                e.dataLakeResourceId()));
        return b.build();
    }

    /** @return the tenant id */
    public String tenantId() {
        return values.get("tenantId");
    }

    /** @return the client id */
    public String clientId() {
        return values.get("clientId");
    }

    /** @return the subscription id, if the file has one */
    public Optional<String> subscriptionId() {
        return Optional.ofNullable(values.get("subscriptionId"));
    }

    /** @return the certificate path, for certificate auth files */
    public Optional<Path> certificatePath() {
        return Optional.ofNullable(values.get("clientCertificate")).map(Path::of);
    }

    /** @return the cloud the file describes */
    public AzureCloud cloud() {
        return cloud;
    }

    /**
     * A credential for the file's service principal, with azid's default transport.
     *
     * @return a {@link ClientSecretCredential} or {@link ClientCertificateCredential}
     */
    public TokenCredential credential() {
        return credential(null);
    }

    /**
     * A credential for the file's service principal.
     *
     * @param transport the HTTP transport, or {@code null} for the default
     * @return a {@link ClientSecretCredential} or {@link ClientCertificateCredential}
     */
    public TokenCredential credential(HttpTransport transport) {
        String tenant = cloud.isAdfs() ? "adfs" : tenantId();
        CredentialOptions.Builder o = CredentialOptions.builder().cloud(cloud);
        CredentialOptions options = (transport == null ? o : o.httpTransport(transport)).build();
        if (values.containsKey("clientSecret")) {
            return ClientSecretCredential.builder().options(options).tenantId(tenant).clientId(clientId())
                    .clientSecret(values.get("clientSecret")).build();
        }
        return ClientCertificateCredential.builder().options(options).tenantId(tenant).clientId(clientId())
                .certificateFile(certificatePath().orElseThrow()).certificatePassword(values.get("clientCertificatePassword"))
                .build();
    }

    /** Names the source, tenant, client and cloud; never a secret. */
    @Override
    public String toString() {
        return "AzureAuthFile[" + source + ", tenantId=" + tenantId() + ", clientId=" + clientId() + ", subscriptionId="
                + subscriptionId().orElse(null) + ", cloud=" + cloud.name() + "]";
    }
}
