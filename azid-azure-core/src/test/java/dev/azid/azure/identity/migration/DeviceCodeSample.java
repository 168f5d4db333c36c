package dev.azid.azure.identity.migration;

import com.azure.core.credential.AccessToken;
import com.azure.core.credential.TokenRequestContext;
import dev.azid.azure.identity.DeviceCodeCredential;
import dev.azid.azure.identity.DeviceCodeCredentialBuilder;
import dev.azid.azure.identity.DeviceCodeInfo;
import java.util.ArrayList;
import java.util.List;

/** README "Authenticate a user with device code flow", with a challenge consumer of its own. */
public final class DeviceCodeSample {

    private DeviceCodeSample() {
    }

    /**
     * Signs the user in with a device code, then gets a second token silently.
     *
     * @param sandbox the surroundings
     * @param shown receives each message the consumer showed
     * @return the Graph token, then the ARM token
     */
    public static AccessToken[] run(Sandbox sandbox, List<String> shown) {
        List<DeviceCodeInfo> challenges = new ArrayList<>();
        DeviceCodeCredential credential = new DeviceCodeCredentialBuilder()
                .tenantId(sandbox.tenantId())
                .clientId(sandbox.clientId())
                .challengeConsumer(challenge -> {
                    challenges.add(challenge);
                    shown.add(challenge.getMessage());
                    sandbox.user().enter(challenge.getVerificationUrl(), challenge.getUserCode());
                })
                .authorityHost(sandbox.authorityHost())
                .httpClient(sandbox.httpClient())
                .build();
        AccessToken graph = credential.getTokenSync(new TokenRequestContext().addScopes("https://graph.microsoft.com/User.Read"));
        AccessToken arm = credential.getTokenSync(
                new TokenRequestContext().addScopes("https://management.azure.com/user_impersonation"));
        if (challenges.size() != 1 || challenges.get(0).getExpiresOn() == null) {
            throw new IllegalStateException("expected exactly one device code challenge, got " + challenges.size());
        }
        return new AccessToken[] {graph, arm};
    }
}
