package dev.azid.azure.identity;

import com.azure.core.util.ExpandableStringEnum;
import java.util.Collection;

/**
 * Environment variables {@link DefaultAzureCredentialBuilder#requireEnvVars} can insist on, as
 * {@code com.azure.identity.AzureIdentityEnvVars}.
 */
public final class AzureIdentityEnvVars extends ExpandableStringEnum<AzureIdentityEnvVars> {

    /** The tenant id. */
    public static final AzureIdentityEnvVars AZURE_TENANT_ID = fromString("AZURE_TENANT_ID");
    /** The client id. */
    public static final AzureIdentityEnvVars AZURE_CLIENT_ID = fromString("AZURE_CLIENT_ID");
    /** The client secret. */
    public static final AzureIdentityEnvVars AZURE_CLIENT_SECRET = fromString("AZURE_CLIENT_SECRET");
    /** The client certificate's path. */
    public static final AzureIdentityEnvVars AZURE_CLIENT_CERTIFICATE_PATH = fromString("AZURE_CLIENT_CERTIFICATE_PATH");
    /** The client certificate's password. */
    public static final AzureIdentityEnvVars AZURE_CLIENT_CERTIFICATE_PASSWORD =
            fromString("AZURE_CLIENT_CERTIFICATE_PASSWORD");
    /** The authority host. */
    public static final AzureIdentityEnvVars AZURE_AUTHORITY_HOST = fromString("AZURE_AUTHORITY_HOST");
    /** The credential selection of DefaultAzureCredential. */
    public static final AzureIdentityEnvVars AZURE_TOKEN_CREDENTIALS = fromString("AZURE_TOKEN_CREDENTIALS");
    /** Whether to send the certificate chain. */
    public static final AzureIdentityEnvVars AZURE_CLIENT_SEND_CERTIFICATE_CHAIN =
            fromString("AZURE_CLIENT_SEND_CERTIFICATE_CHAIN");

    /**
     * Creates an empty value; azure-core's {@link ExpandableStringEnum} needs this constructor.
     *
     * @deprecated use {@link #fromString(String)} or a constant
     */
    @Deprecated
    public AzureIdentityEnvVars() {
    }

    /**
     * The value of a variable name.
     *
     * @param name the variable's name
     * @return its value
     */
    public static AzureIdentityEnvVars fromString(String name) {
        return fromString(name, AzureIdentityEnvVars.class);
    }

    /** @return the known values */
    public static Collection<AzureIdentityEnvVars> values() {
        return values(AzureIdentityEnvVars.class);
    }
}
