package dev.azid.emulator;

import dev.azid.emulator.internal.ConfigParser;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What the emulator knows: tenants with their applications, users, managed identities and
 * subscriptions, and the resources tokens can be issued for. Immutable.
 *
 * <p>The JSON format is documented in the module's README; {@link #defaults()} is a ready-made
 * directory whose ids are the {@code DEFAULT_*} constants.
 *
 * @param tokenLifetimeSeconds lifetime of issued access tokens
 * @param tenants the tenants
 * @param resources the resources (APIs) tokens may be requested for
 */
public record EmulatorConfig(long tokenLifetimeSeconds, List<Tenant> tenants, List<Resource> resources) {

    /** The default tenant's id. */
    public static final String DEFAULT_TENANT_ID = "72f988bf-0000-4000-8000-0000000a21d0";
    /** The default tenant's domain. */
    public static final String DEFAULT_TENANT_DOMAIN = "azid.onmicrosoft.com";
    /** The default confidential application's client id. */
    public static final String DEFAULT_CLIENT_ID = "0a2d1d00-0000-4000-8000-0000000c11e7";
    /** The default application's secret: a test-only value, public on purpose. */
    public static final String DEFAULT_CLIENT_SECRET = "azid-emulator-test-secret~do.not.use";
    /** The Azure CLI's public client id, registered in the default tenant for developer sign-in. */
    public static final String AZURE_CLI_CLIENT_ID = "04b07795-8ddb-461a-bbee-02f9e1bf7b46";
    /** The default user's name. */
    public static final String DEFAULT_USERNAME = "alice@azid.onmicrosoft.com";
    /** The default user's password: a test-only value. */
    public static final String DEFAULT_PASSWORD = "emulator-password-1";
    /** A second default user, for whom Conditional Access requires multi-factor authentication. */
    public static final String MFA_USERNAME = "bob@azid.onmicrosoft.com";
    /** The MFA user's password: a test-only value. */
    public static final String MFA_PASSWORD = "emulator-password-2";
    /** The issuer of the federated tokens {@link EntraEmulator#federatedToken(String)} makes. */
    public static final String FEDERATION_ISSUER = "https://azid-emulator.local/federation";
    /** The subject the default app trusts from that issuer (a Kubernetes service account). */
    public static final String DEFAULT_FEDERATED_SUBJECT = "system:serviceaccount:default:azid-workload";

    /** The subject of the GitHub Actions tokens the emulator issues, trusted by the default app. */
    public static final String GITHUB_SUBJECT = "repo:azid/demo:ref:refs/heads/main";
    /** The subject of the Azure Pipelines tokens the emulator issues, trusted by the default app. */
    public static final String PIPELINES_SUBJECT = "sc://azid/demo/azid-connection";
    /** The bearer token the emulator's CI token endpoints expect (a test fixture). */
    public static final String CI_REQUEST_TOKEN = "azid-emulator-ci-request-token";

    /** The first default subscription. */
    public static final String DEFAULT_SUBSCRIPTION_ID = "5b2d0000-0000-4000-8000-00000005cb01";

    /** Validates and copies. */
    public EmulatorConfig {
        if (tokenLifetimeSeconds < 60) {
            throw new IllegalArgumentException("tokenLifetimeSeconds must be at least 60");
        }
        tenants = List.copyOf(tenants);
        resources = List.copyOf(resources);
    }

    /** @return a builder of an empty configuration (token lifetime 3599 s) */
    public static EmulatorConfigBuilder builder() {
        return new EmulatorConfigBuilder();
    }

    /** @return a builder holding this configuration, to change some of it */
    public EmulatorConfigBuilder toBuilder() {
        return builder().tokenLifetimeSeconds(tokenLifetimeSeconds).tenants(tenants).resources(resources);
    }

    /**
     * A tenant (directory).
     *
     * @param tenantId its GUID
     * @param domains its domains, e.g. {@code contoso.onmicrosoft.com}
     * @param displayName its name
     * @param applications its app registrations
     * @param users its users
     * @param managedIdentities its managed identities
     * @param subscriptions its subscriptions
     */
    public record Tenant(String tenantId, List<String> domains, String displayName, List<Application> applications,
            List<User> users, List<ManagedIdentity> managedIdentities, List<Subscription> subscriptions) {
        /** Copies lists. */
        public Tenant {
            Objects.requireNonNull(tenantId, "tenantId");
            domains = List.copyOf(domains);
            applications = List.copyOf(applications);
            users = List.copyOf(users);
            managedIdentities = List.copyOf(managedIdentities);
            subscriptions = List.copyOf(subscriptions);
        }

        /**
         * @param tenantId the tenant's GUID
         * @return a builder of a tenant with nothing in it
         */
        public static TenantBuilder builder(String tenantId) {
            return new TenantBuilder(tenantId);
        }

        /** @return a builder holding this tenant, to change some of it */
        public TenantBuilder toBuilder() {
            return builder(tenantId).domains(domains).displayName(displayName).applications(applications).users(users)
                    .managedIdentities(managedIdentities).subscriptions(subscriptions);
        }
    }

    /**
     * An app registration.
     *
     * @param clientId its client id
     * @param displayName its name
     * @param secrets valid client secret values
     * @param certificates PEM certificates whose keys may sign client assertions
     * @param multiTenant whether other tenants may use it
     * @param redirectUris registered redirect URIs
     * @param roles app roles granted to it (the {@code roles} claim)
     * @param federatedCredentials external tokens it accepts as client assertions
     */
    public record Application(String clientId, String displayName, List<String> secrets, List<String> certificates,
            boolean multiTenant, List<String> redirectUris, List<String> roles, List<FederatedCredential> federatedCredentials) {
        /** Copies lists. */
        public Application {
            Objects.requireNonNull(clientId, "clientId");
            secrets = List.copyOf(secrets);
            certificates = List.copyOf(certificates);
            redirectUris = List.copyOf(redirectUris);
            roles = List.copyOf(roles);
            federatedCredentials = List.copyOf(federatedCredentials);
        }

        /**
         * @param clientId the app's client id
         * @return a builder of an app with no credentials
         */
        public static ApplicationBuilder builder(String clientId) {
            return new ApplicationBuilder(clientId);
        }

        /** @return a builder holding this app, to change some of it */
        public ApplicationBuilder toBuilder() {
            return builder(clientId).displayName(displayName).secrets(secrets).certificates(certificates)
                    .multiTenant(multiTenant).redirectUris(redirectUris).roles(roles).federatedCredentials(federatedCredentials);
        }

        /** Never shows secrets. */
        @Override
        public String toString() {
            return "Application[clientId=" + clientId + ", displayName=" + displayName + ", secrets=" + secrets.size() + "]";
        }
    }

    /**
     * A federated identity credential: an external token issuer and subject trusted as the app.
     *
     * @param issuer the token's {@code iss}
     * @param subject the token's {@code sub}
     * @param audiences accepted {@code aud} values, normally {@code api://AzureADTokenExchange}
     */
    public record FederatedCredential(String issuer, String subject, List<String> audiences) {
        /** Copies lists. */
        public FederatedCredential {
            audiences = List.copyOf(audiences);
        }
    }

    /**
     * A user.
     *
     * @param username the sign-in name
     * @param password the password
     * @param objectId the user's object id
     * @param displayName the name
     * @param mfaRequired whether Conditional Access demands multi-factor authentication for this user, so that
     *     the username/password grant is refused with AADSTS50076 (interactive sign-in still works)
     */
    public record User(String username, String password, String objectId, String displayName, boolean mfaRequired) {
        /**
         * @param username the sign-in name
         * @param password the password
         * @return a builder of a user without an MFA requirement
         */
        public static UserBuilder builder(String username, String password) {
            return new UserBuilder(username, password);
        }

        /** @return a builder holding this user, to change some of it */
        public UserBuilder toBuilder() {
            return builder(username, password).objectId(objectId).displayName(displayName).mfaRequired(mfaRequired);
        }

        /** Never shows the password. */
        @Override
        public String toString() {
            return "User[username=" + username + ", objectId=" + objectId + "]";
        }
    }

    /**
     * A managed identity.
     *
     * @param kind {@code system} or {@code user}
     * @param clientId its client id
     * @param objectId its object (principal) id
     * @param resourceId its ARM resource id
     */
    public record ManagedIdentity(String kind, String clientId, String objectId, String resourceId) {
    }

    /**
     * A subscription.
     *
     * @param subscriptionId its id
     * @param displayName its name
     * @param state e.g. {@code Enabled}
     */
    public record Subscription(String subscriptionId, String displayName, String state) {
    }

    /**
     * A resource (API) tokens may be requested for.
     *
     * @param appIdUri the App ID URI, e.g. {@code https://management.azure.com/}
     * @param appId the resource's application id
     * @param accessTokenVersion 1 or 2: the token shape it accepts
     * @param aliases other App ID URIs meaning the same resource
     */
    public record Resource(String appIdUri, String appId, int accessTokenVersion, List<String> aliases) {
        /** Copies lists. */
        public Resource {
            aliases = List.copyOf(aliases);
        }

        /**
         * @param appIdUri the App ID URI
         * @param appId the resource's application id
         * @return a builder of a v1 resource without aliases
         */
        public static ResourceBuilder builder(String appIdUri, String appId) {
            return new ResourceBuilder(appIdUri, appId);
        }
    }

    /**
     * The built-in directory: one tenant ({@link #DEFAULT_TENANT_ID}, {@link #DEFAULT_TENANT_DOMAIN}),
     * one confidential app, one user, a system-assigned and a user-assigned identity, two
     * subscriptions, and ARM, Microsoft Graph, Key Vault, Storage and a custom v2 API.
     *
     * @return the default configuration
     */
    public static EmulatorConfig defaults() {
        return ConfigParser.defaults();
    }

    /**
     * Parses a JSON configuration.
     *
     * @param json the JSON text
     * @return the configuration
     * @throws IllegalArgumentException naming the JSON path of a missing or wrong value
     */
    public static EmulatorConfig parse(String json) {
        return ConfigParser.parse(json);
    }

    /**
     * Reads and parses a JSON configuration file.
     *
     * @param file the file
     * @return the configuration
     */
    public static EmulatorConfig parse(Path file) {
        try {
            return parse(Files.readString(file));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read emulator config " + file, e);
        }
    }

    /**
     * Finds a tenant by GUID or domain, case-insensitively.
     *
     * @param idOrDomain the tenant path segment
     * @return the tenant
     */
    public Optional<Tenant> tenant(String idOrDomain) {
        return tenants.stream().filter(t -> t.tenantId().equalsIgnoreCase(idOrDomain)
                || t.domains().stream().anyMatch(d -> d.equalsIgnoreCase(idOrDomain))).findFirst();
    }
}
