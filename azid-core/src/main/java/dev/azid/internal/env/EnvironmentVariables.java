package dev.azid.internal.env;

/** The name of every environment variable azid reads, declared once. */
public final class EnvironmentVariables {

    /** Directory (tenant) id of the application. */
    public static final String AZURE_TENANT_ID = "AZURE_TENANT_ID";
    /** Client (application) id. */
    public static final String AZURE_CLIENT_ID = "AZURE_CLIENT_ID";
    /** Client secret value. */
    public static final String AZURE_CLIENT_SECRET = "AZURE_CLIENT_SECRET";
    /** Path of a PEM or PKCS#12 client certificate. */
    public static final String AZURE_CLIENT_CERTIFICATE_PATH = "AZURE_CLIENT_CERTIFICATE_PATH";
    /** Password of the client certificate. */
    public static final String AZURE_CLIENT_CERTIFICATE_PASSWORD = "AZURE_CLIENT_CERTIFICATE_PASSWORD";
    /** {@code true}/{@code 1} to send the certificate chain ({@code x5c}). */
    public static final String AZURE_CLIENT_SEND_CERTIFICATE_CHAIN = "AZURE_CLIENT_SEND_CERTIFICATE_CHAIN";
    /** User name for the (deprecated) username/password flow. */
    public static final String AZURE_USERNAME = "AZURE_USERNAME";
    /** Password for the (deprecated) username/password flow. */
    public static final String AZURE_PASSWORD = "AZURE_PASSWORD";
    /** Entra authority host, such as {@code https://login.microsoftonline.com}. */
    public static final String AZURE_AUTHORITY_HOST = "AZURE_AUTHORITY_HOST";
    /** Regional token service for confidential clients. */
    public static final String AZURE_REGIONAL_AUTHORITY_NAME = "AZURE_REGIONAL_AUTHORITY_NAME";
    /** {@code ;}-separated tenants a credential may also get tokens for; {@code *} for any. */
    public static final String AZURE_ADDITIONALLY_ALLOWED_TENANTS = "AZURE_ADDITIONALLY_ALLOWED_TENANTS";
    /** Proxy for HTTPS requests, as a URL. */
    public static final String HTTPS_PROXY = "HTTPS_PROXY";
    /** Proxy for HTTP requests, as a URL. */
    public static final String HTTP_PROXY = "HTTP_PROXY";
    /** Comma-separated hosts that bypass the proxy. */
    public static final String NO_PROXY = "NO_PROXY";

    private EnvironmentVariables() {
    }
}
