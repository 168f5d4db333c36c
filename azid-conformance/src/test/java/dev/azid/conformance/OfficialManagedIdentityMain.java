package dev.azid.conformance;

import com.azure.core.credential.AccessToken;
import com.azure.core.credential.TokenRequestContext;
import com.azure.core.http.jdk.httpclient.JdkHttpClientBuilder;
import com.azure.identity.ManagedIdentityCredentialBuilder;
import com.azure.identity.WorkloadIdentityCredentialBuilder;

/**
 * Runs Microsoft's azure-identity credentials in a child JVM whose environment the test sets (they
 * read the real process environment, which tests never change in their own JVM). Prints
 * {@code OK <token length> <expiry>} or {@code FAIL <message>}.
 */
public final class OfficialManagedIdentityMain {

    private OfficialManagedIdentityMain() {
    }

    /**
     * Entry point.
     *
     * @param args {@code managed-identity [clientId]} or {@code workload-identity}
     */
    public static void main(String[] args) {
        try {
            TokenRequestContext request = new TokenRequestContext().addScopes("https://management.azure.com/.default");
            AccessToken token;
            if (args[0].equals("managed-identity")) {
                ManagedIdentityCredentialBuilder b = new ManagedIdentityCredentialBuilder()
                        .httpClient(new JdkHttpClientBuilder().build());
                if (args.length > 1) {
                    b.clientId(args[1]);
                }
                token = b.build().getTokenSync(request);
            } else {
                token = new WorkloadIdentityCredentialBuilder().disableInstanceDiscovery()
                        .httpClient(new JdkHttpClientBuilder().build()).build().getTokenSync(request);
            }
            System.out.println("OK " + token.getToken().length() + " " + token.getExpiresAt());
        } catch (RuntimeException e) {
            System.out.println("FAIL " + e.getMessage());
        }
        System.exit(0);
    }
}
