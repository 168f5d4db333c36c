package dev.azid.internal.oauth2;

import java.util.LinkedHashMap;
import java.util.Map;

/** The telemetry and correlation headers MSAL sends, with azid's own SKU. */
public final class ClientHeaders {

    /** The library's SKU name. */
    public static final String SKU = "azid.java";

    /** The library's version, from the jar manifest ({@code dev} when run from classes). */
    public static final String VERSION = versionOrDev();

    private ClientHeaders() {
    }

    /**
     * Headers for one token request.
     *
     * @param clientRequestId the correlation id of this request
     * @return the headers
     */
    public static Map<String, String> forRequest(String clientRequestId) {
        Map<String, String> h = new LinkedHashMap<>();
        h.put("Accept", "application/json");
        h.put("x-client-SKU", SKU);
        h.put("x-client-VER", VERSION);
        h.put("x-client-OS", System.getProperty("os.name", "unknown"));
        h.put("client-request-id", clientRequestId);
        h.put("return-client-request-id", "true");
        h.put("x-ms-lib-capability", "retry-after, h429");
        h.put("User-Agent", SKU + "/" + VERSION);
        return h;
    }

    private static String versionOrDev() {
        String v = ClientHeaders.class.getPackage().getImplementationVersion();
        return v == null ? "dev" : v;
    }
}
