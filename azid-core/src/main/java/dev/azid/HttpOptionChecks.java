package dev.azid;

import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The checks {@link CredentialOptions.Builder#build()} makes on the application id and the custom
 * headers, which the setters alone cannot make. Messages name the setting and never print a header
 * value (one may be a key).
 */
final class HttpOptionChecks {

    /** Headers the transport or the protocol owns; a custom value would break the exchange. */
    private static final Set<String> RESERVED = Set.of("host", "content-length", "connection", "expect", "upgrade",
            "transfer-encoding", "te", "trailer", "keep-alive", "proxy-connection");

    private HttpOptionChecks() {
    }

    /**
     * Checks an application id and custom headers.
     *
     * @param applicationId the application id, or {@code null}
     * @param headers the custom headers
     * @throws IllegalArgumentException naming the setting and the fix
     */
    static void check(String applicationId, Map<String, String> headers) {
        if (applicationId != null && (applicationId.isEmpty() || applicationId.length() > 256
                || !applicationId.chars().allMatch(c -> c > 0x20 && c < 0x7f))) {
            throw new IllegalArgumentException("CredentialOptions: applicationId must be 1 to 256 visible ASCII characters "
                    + "without spaces, as azure-core's ClientOptions requires. Set a short name such as \"my-app/1.2\".");
        }
        for (Map.Entry<String, String> h : headers.entrySet()) {
            String name = h.getKey();
            if (name.isEmpty() || !name.chars().allMatch(HttpOptionChecks::isTokenChar)) {
                throw new IllegalArgumentException("CredentialOptions: header name \"" + printable(name) + "\" is not a "
                        + "valid HTTP header name. Use letters, digits and - only, for example x-ms-app-tag.");
            }
            String lower = name.toLowerCase(Locale.ROOT);
            if (lower.equals("user-agent")) {
                throw new IllegalArgumentException("CredentialOptions: header User-Agent cannot be set as a custom header. "
                        + "Set CredentialOptions.applicationId, which goes in front of azid's User-Agent.");
            }
            if (RESERVED.contains(lower)) {
                throw new IllegalArgumentException("CredentialOptions: header " + name + " is set by the HTTP transport "
                        + "and cannot be a custom header. Remove it.");
            }
            if (!h.getValue().chars().allMatch(c -> c == '\t' || c >= 0x20 && c != 0x7f)) {
                throw new IllegalArgumentException("CredentialOptions: the value of header " + name + " holds a control "
                        + "character (such as a line break). Remove it.");
            }
        }
    }

    private static boolean isTokenChar(int c) {
        return c >= '0' && c <= '9' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || "!#$%&'*+-.^_`|~".indexOf(c) >= 0;
    }

    private static String printable(String s) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < s.length() && i < 64; i++) {
            char c = s.charAt(i);
            sb.append(c < 0x20 || c == 0x7f ? '?' : c);
        }
        return sb.toString();
    }
}
