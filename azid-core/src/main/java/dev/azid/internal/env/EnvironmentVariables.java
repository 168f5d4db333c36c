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
    /** {@code true} or {@code 1}: a request naming another tenant than the credential's is refused. */
    public static final String AZURE_IDENTITY_DISABLE_MULTITENANTAUTH = "AZURE_IDENTITY_DISABLE_MULTITENANTAUTH";
    /** Proxy for HTTPS requests, as a URL. */
    public static final String HTTPS_PROXY = "HTTPS_PROXY";
    /** Proxy for HTTP requests, as a URL. */
    public static final String HTTP_PROXY = "HTTP_PROXY";
    /** Comma-separated hosts that bypass the proxy. */
    public static final String NO_PROXY = "NO_PROXY";

    /** Managed identity endpoint (App Service 2019-08-01, Arc, Service Fabric). */
    public static final String IDENTITY_ENDPOINT = "IDENTITY_ENDPOINT";
    /** App Service / Service Fabric identity header value. */
    public static final String IDENTITY_HEADER = "IDENTITY_HEADER";
    /** Service Fabric identity server certificate thumbprint. */
    public static final String IDENTITY_SERVER_THUMBPRINT = "IDENTITY_SERVER_THUMBPRINT";
    /** Azure Arc IMDS endpoint. */
    public static final String IMDS_ENDPOINT = "IMDS_ENDPOINT";
    /** Legacy App Service / Azure ML / Cloud Shell endpoint. */
    public static final String MSI_ENDPOINT = "MSI_ENDPOINT";
    /** Legacy App Service / Azure ML secret. */
    public static final String MSI_SECRET = "MSI_SECRET";
    /** Azure ML default user-assigned client id. */
    public static final String DEFAULT_IDENTITY_CLIENT_ID = "DEFAULT_IDENTITY_CLIENT_ID";
    /** Overrides the IMDS host. */
    public static final String AZURE_POD_IDENTITY_AUTHORITY_HOST = "AZURE_POD_IDENTITY_AUTHORITY_HOST";
    /** Windows ProgramData folder (Arc token directory). */
    public static final String PROGRAM_DATA = "ProgramData";
    /** Workload identity: the projected service account token file. */
    public static final String AZURE_FEDERATED_TOKEN_FILE = "AZURE_FEDERATED_TOKEN_FILE";
    /** Workload identity with AKS identity binding: the token proxy's https URL. */
    public static final String AZURE_KUBERNETES_TOKEN_PROXY = "AZURE_KUBERNETES_TOKEN_PROXY";
    /** Workload identity with AKS identity binding: a PEM file of the CAs the proxy's certificate chains to. */
    public static final String AZURE_KUBERNETES_CA_FILE = "AZURE_KUBERNETES_CA_FILE";
    /** Workload identity with AKS identity binding: PEM CA certificates, inline. */
    public static final String AZURE_KUBERNETES_CA_DATA = "AZURE_KUBERNETES_CA_DATA";
    /** Workload identity with AKS identity binding: the TLS server name to send to the proxy and expect in its certificate. */
    public static final String AZURE_KUBERNETES_SNI_NAME = "AZURE_KUBERNETES_SNI_NAME";
    /** Azure Pipelines: the OIDC request URI. */
    public static final String SYSTEM_OIDCREQUESTURI = "SYSTEM_OIDCREQUESTURI";
    /** Azure Pipelines: the job's access token. */
    public static final String SYSTEM_ACCESSTOKEN = "SYSTEM_ACCESSTOKEN";
    /** GitHub Actions: the OIDC token request URL. */
    public static final String ACTIONS_ID_TOKEN_REQUEST_URL = "ACTIONS_ID_TOKEN_REQUEST_URL";
    /** GitHub Actions: the bearer token for the OIDC request. */
    public static final String ACTIONS_ID_TOKEN_REQUEST_TOKEN = "ACTIONS_ID_TOKEN_REQUEST_TOKEN";

    private EnvironmentVariables() {
    }
}
