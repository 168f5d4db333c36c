package dev.azid;

import static dev.azid.internal.env.EnvironmentVariables.AZURE_CLIENT_CERTIFICATE_PATH;
import static dev.azid.internal.env.EnvironmentVariables.AZURE_CLIENT_SECRET;
import static dev.azid.internal.env.EnvironmentVariables.AZURE_PASSWORD;
import static dev.azid.internal.env.EnvironmentVariables.AZURE_TENANT_ID;
import static dev.azid.internal.env.EnvironmentVariables.AZURE_USERNAME;

import dev.azid.internal.credential.CredentialSettings;
import dev.azid.internal.credential.Refused;
import dev.azid.internal.credential.CredentialSettings.Variables;
import dev.azid.internal.credential.EnvironmentConfig;
import java.nio.file.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Authenticates a service principal (or, deprecated, a user) configured by environment variables.
 *
 * <p>Read when built; the first complete set wins:
 * <ol>
 *   <li>{@code AZURE_TENANT_ID} + {@code AZURE_CLIENT_ID} + {@code AZURE_CLIENT_SECRET}: a client secret;</li>
 *   <li>{@code AZURE_TENANT_ID} + {@code AZURE_CLIENT_ID} + {@code AZURE_CLIENT_CERTIFICATE_PATH}
 *       (+ {@code AZURE_CLIENT_CERTIFICATE_PASSWORD}, + {@code AZURE_CLIENT_SEND_CERTIFICATE_CHAIN}
 *       {@code true}/{@code 1}): a PEM or PFX certificate;</li>
 *   <li>{@code AZURE_CLIENT_ID} + {@code AZURE_USERNAME} + {@code AZURE_PASSWORD} (+ {@code AZURE_TENANT_ID},
 *       default {@code organizations}): a user's password, deprecated, logged as a warning.</li>
 * </ol>
 * Also {@code AZURE_AUTHORITY_HOST}, {@code AZURE_REGIONAL_AUTHORITY_NAME} (a region name; applies to
 * the service-principal sets) and {@code AZURE_ADDITIONALLY_ALLOWED_TENANTS} ({@code ;}-separated,
 * {@code *} for any).
 *
 * <p>{@link #getToken} throws {@link CredentialUnavailableException} when no set is complete (naming
 * the variables that are set and the ones that are missing, never values), and
 * {@link AuthenticationFailedException} when a variable holds a value that can never work, such as a
 * non-HTTPS authority host. Thread-safe; building performs no I/O and reads no file.
 */
public final class EnvironmentCredential extends DelegatingCredential {

    /** The credential's name, used in messages and logs. */
    public static final String NAME = "EnvironmentCredential";

    private static final Logger LOG = LoggerFactory.getLogger(EnvironmentCredential.class);

    private final String description;
    private final String text;

    private EnvironmentCredential(TokenCredential tokens, String description) {
        super(tokens);
        this.description = description;
        this.text = NAME + "[" + description + (tokens instanceof Refused ? "" : ", " + tokens) + "]";
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
     * Which variable set this credential uses, for diagnostics: {@code client secret},
     * {@code client certificate}, {@code username and password}, or {@code unavailable}.
     *
     * @return the description
     */
    public String configuration() {
        return description;
    }

    @Override
    public String toString() {
        return text;
    }

    /**
     * Builds an {@link EnvironmentCredential}. Not thread-safe. The {@code options} say where the
     * variables are read; an authority host or tenants set there win over {@code AZURE_AUTHORITY_HOST}
     * and {@code AZURE_ADDITIONALLY_ALLOWED_TENANTS}.
     */
    public static final class Builder extends CredentialBuilder<Builder> {

        private Builder() {
        }

        /**
         * Reads the environment and builds the credential. Never throws for the variables' content:
         * problems are reported by {@code getToken}.
         *
         * @return the credential
         */
        public EnvironmentCredential build() {
            CredentialSettings settings = options.settings();
            EnvironmentConfig config = EnvironmentConfig.read(settings.environment(), NAME);
            try {
                Variables v = Variables.SHARED_AND_TENANTS;
                if (config instanceof EnvironmentConfig.ClientSecret s) {
                    ClientSecretCredential.Builder b = ClientSecretCredential.builder().tenantId(s.tenantId())
                            .clientId(s.clientId()).clientSecret(s.clientSecret());
                    return new EnvironmentCredential(b.buildClient(NAME, settings, v, AZURE_TENANT_ID).tokens(),
                            "client secret");
                }
                if (config instanceof EnvironmentConfig.ClientCertificate c) {
                    ClientCertificateCredential.Builder b = ClientCertificateCredential.builder().tenantId(c.tenantId())
                            .clientId(c.clientId()).certificateFile(certificatePath(c.certificatePath()))
                            .certificatePassword(c.certificatePassword()).sendCertificateChain(c.sendCertificateChain());
                    return new EnvironmentCredential(b.buildClient(NAME, settings, v, AZURE_TENANT_ID).tokens(),
                            "client certificate");
                }
                if (config instanceof EnvironmentConfig.UsernamePassword u) {
                    UsernamePasswordCredential.Builder b = UsernamePasswordCredential.builder().tenantId(u.tenantId())
                            .clientId(u.clientId()).username(u.username()).password(u.password());
                    LOG.warn("{}: {} and {} sign a user in with a password, which Microsoft has deprecated: it fails "
                            + "for accounts that need multi-factor authentication. Use a service principal ({} or {}) or "
                            + "managed identity.", NAME, AZURE_USERNAME, AZURE_PASSWORD, AZURE_CLIENT_SECRET,
                            AZURE_CLIENT_CERTIFICATE_PATH);
                    return new EnvironmentCredential(b.buildClient(NAME, settings, v, AZURE_TENANT_ID).tokens(),
                            "username and password");
                }
            } catch (IllegalArgumentException e) {
                // A variable holds a value that can never work: stop a chain rather than fall through
                // to another identity. The message already names the variable the value came from.
                return new EnvironmentCredential(new Refused(new AuthenticationFailedException(e.getMessage(), e), NAME),
                        "misconfigured");
            }
            return new EnvironmentCredential(new Refused(new CredentialUnavailableException(
                    ((EnvironmentConfig.Unavailable) config).reason()), NAME), "unavailable");
        }

        private static Path certificatePath(String value) {
            try {
                return Path.of(value);
            } catch (java.nio.file.InvalidPathException e) {
                throw new IllegalArgumentException(NAME + ": " + AZURE_CLIENT_CERTIFICATE_PATH + " is not a valid path ("
                        + e.getReason() + "). Set it to the path of a PEM or PFX file.");
            }
        }
    }
}
