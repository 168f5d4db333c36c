package dev.azid.emulator.internal;

import dev.azid.emulator.Call;
import dev.azid.emulator.Reply;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Home realm discovery, {@code GET /common/userrealm/<user>?api-version=1.0}, which MSAL asks before the
 * username/password grant: a user whose domain belongs to a configured tenant is {@code Managed} (signs in
 * at the token endpoint itself), any other is {@code Unknown}; the emulator federates no domain. The
 * shape is Entra ID's v1 answer: {@code ver}, {@code account_type}, {@code domain_name},
 * {@code cloud_instance_name}, {@code cloud_audience_urn}.
 */
final class UserRealmHandler {

    /** Entra ID's audience URN of its own federation; the same in every cloud MSAL names. */
    static final String AUDIENCE_URN = "urn:federation:MicrosoftOnline";

    private final Directory directory;

    UserRealmHandler(Directory directory) {
        this.directory = directory;
    }

    /**
     * Answers for a user.
     *
     * @param call the request
     * @param user the sign-in name from the path, or {@code null} to read the {@code user} query parameter
     * @return the realm document
     */
    Reply realm(Call call, String user) {
        String name = user != null ? user : call.query().get("user");
        if (name == null || name.isBlank()) {
            throw new Problem(400, "invalid_request", 900144, "The request body must contain the following parameter: "
                    + "'user'.");
        }
        int at = name.lastIndexOf('@');
        String domain = at >= 0 ? name.substring(at + 1) : "";
        boolean managed = !domain.isEmpty() && directory.config().tenant(domain).isPresent();
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("ver", "1.0");
        doc.put("account_type", managed ? "Managed" : "Unknown");
        doc.put("domain_name", domain);
        doc.put("cloud_instance_name", RealHosts.loginCloud(call.baseUrl()).map(RealHosts.Cloud::instanceName)
                .orElse("azid.emulator"));
        doc.put("cloud_audience_urn", AUDIENCE_URN);
        return Reply.json(200, doc);
    }
}
