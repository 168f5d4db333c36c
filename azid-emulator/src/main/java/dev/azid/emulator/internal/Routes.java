package dev.azid.emulator.internal;

import static dev.azid.emulator.internal.Route.any;

import dev.azid.emulator.Call;
import dev.azid.emulator.Dispatcher;
import dev.azid.emulator.Reply;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The emulator's default {@link Dispatcher}: its route table. The first matching route answers; a
 * {@link Problem} becomes an Entra error answer; an unknown path is AADSTS90010. Each handler owns
 * the state of its protocol; what they share is the directory, the token signer and the clock.
 */
public final class Routes implements Dispatcher {

    private final Clock clock;
    private final KeyVaultHandler keyVault;
    private final UserTokens userTokens;
    private final List<Route> table;

    /**
     * Creates the handlers and the table.
     *
     * @param directory the directory served
     * @param tokens the token signer
     * @param clock the emulator's clock
     * @param baseUrls the HTTPS and HTTP listeners' base URLs
     * @param arcKeyDirectory where the Azure Arc endpoint writes its key files
     */
    public Routes(Directory directory, Tokens tokens, Clock clock, List<String> baseUrls, Path arcKeyDirectory) {
        this.clock = clock;
        this.keyVault = new KeyVaultHandler(directory, tokens, clock);
        this.userTokens = new UserTokens(directory, tokens, clock);
        AuthorizeHandler authorize = new AuthorizeHandler(directory, clock);
        DeviceCodeHandler device = new DeviceCodeHandler(directory, clock);
        TokenHandler token = new TokenHandler(directory, tokens, clock, baseUrls,
                new UserGrantHandler(directory, tokens, clock, userTokens, authorize, device));
        DiscoveryHandler discovery = new DiscoveryHandler(directory, tokens);
        ManagedIdentityHandler mi = new ManagedIdentityHandler(directory, tokens, clock, arcKeyDirectory);
        CiTokenHandler ci = new CiTokenHandler(tokens, clock);
        MetadataHandler metadata = new MetadataHandler();
        ArmHandler arm = new ArmHandler(directory, tokens, clock, baseUrls);
        UserRealmHandler realm = new UserRealmHandler(directory);
        // Managed-identity routes accept a trailing slash as the real endpoints do (docs/emulator-fidelity.md lists the sources).
        this.table = List.of(
                any("/adfs/oauth2/token", (c, p) -> token.handle(c, "adfs")),
                any("/adfs/.well-known/openid-configuration", (c, p) -> discovery.openidConfiguration(c, "adfs", false)),
                any("/metadata/identity/oauth2/token/?", (c, p) -> mi.imds(c)),
                any("/msi/token/?", (c, p) -> mi.appService(c)),
                any("/msi/legacy/?", (c, p) -> mi.legacy(c)),
                any("/cloudshell/token/?", (c, p) -> mi.cloudShell(c)),
                any("/arc/metadata/identity/oauth2/token/?", (c, p) -> mi.arc(c)),
                any("/servicefabric/metadata/identity/oauth2/token/?", (c, p) -> mi.serviceFabric(c)),
                any("/github/idtoken", (c, p) -> ci.github(c)),
                any("/pipelines/oidctoken", (c, p) -> ci.pipelines(c)),
                any("/metadata/endpoints", (c, p) -> metadata.endpoints(c)),
                any("/{tenant}/oauth2/v2.0/authorize/?", (c, p) -> authorize.authorize(c, directory.userTenant(p.get("tenant")))),
                any("/{tenant}/oauth2/v2.0/devicecode/?", (c, p) -> device.deviceCode(c, directory.userTenant(p.get("tenant")))),
                any("/devicelogin", (c, p) -> device.deviceLogin(c)),
                any("/{tenant}/oauth2/v2.0/token/?", (c, p) -> token.handle(c, p.get("tenant"))),
                any("/{tenant}/v2.0/.well-known/openid-configuration", (c, p) -> discovery.openidConfiguration(c, p.get("tenant"), true)),
                any("/{tenant}/.well-known/openid-configuration", (c, p) -> discovery.openidConfiguration(c, p.get("tenant"), false)),
                any("/{tenant}/discovery/**/keys/?", (c, p) -> discovery.jwks()),
                any("/common/discovery/instance", (c, p) -> discovery.instanceDiscovery(c)),
                any("/{tenant}/userrealm/{user}", (c, p) -> realm.realm(c, p.get("user"))),
                any("/{tenant}/userrealm/?", (c, p) -> realm.realm(c, null)),
                any("/subscriptions/?", (c, p) -> arm.subscriptions(c)),
                any("/secrets/**", (c, p) -> keyVault.handle(c)),
                any("/subscriptions*", (c, p) -> ArmHandler.notServed()));
    }

    @Override
    public Reply dispatch(Call call) {
        // The Azure CLI builds an AD FS authority as login endpoint + "/" + tenant, that is ".../adfs/adfs".
        String path = call.path().startsWith("/adfs/adfs/") ? call.path().substring("/adfs".length()) : call.path();
        try {
            for (Route route : table) {
                Optional<Map<String, String>> params = route.match(call, path);
                if (params.isPresent()) {
                    return route.handler().handle(call, params.get());
                }
            }
            throw new Problem(404, "invalid_request", 90010, "The request path " + call.path() + " is not served by the "
                    + "azid emulator.");
        } catch (Problem p) {
            return Reply.json(p.error().status(), p.error().body(clock.instant(), correlationId(call), call.baseUrl()));
        }
    }

    /**
     * Makes the next authenticated Key Vault request answer a claims challenge.
     */
    public void challengeNextKeyVaultRequest() {
        keyVault.challengeNextRequest();
    }

    /**
     * Revokes every refresh token of a user.
     *
     * @param username the user's sign-in name
     * @return how many were revoked
     */
    public int revokeSignInSessions(String username) {
        return userTokens.refreshTokens().revoke(username);
    }

    /**
     * The correlation id of an answer: the client's {@code client-request-id}, else a new one.
     *
     * @param call the request
     * @return the id
     */
    static String correlationId(Call call) {
        return call.header("client-request-id").orElseGet(() -> UUID.randomUUID().toString());
    }
}
