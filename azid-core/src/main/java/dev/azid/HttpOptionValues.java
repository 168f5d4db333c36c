package dev.azid;

import dev.azid.http.HttpRequestInterceptor;
import dev.azid.internal.credential.HttpSettings;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The HTTP part of {@link CredentialOptions} while it is built (retries, application id, custom
 * headers, interceptors, diagnostics switches): its checks, copies and description, so the options
 * class keeps to its setters. Not thread-safe; a built options value holds its own copy.
 */
final class HttpOptionValues {

    /** Headers the transport or the protocol owns; a custom value would break the exchange. */
    private static final Set<String> RESERVED = Set.of("host", "content-length", "connection", "expect", "upgrade",
            "transfer-encoding", "te", "trailer", "keep-alive", "proxy-connection");

    RetryOptions retry;
    String applicationId;
    final Map<String, String> headers = new LinkedHashMap<>();
    final List<HttpRequestInterceptor> interceptors = new ArrayList<>();
    boolean accountIdentifierLogging;
    boolean unsafeSupportLogging;

    HttpOptionValues copy() {
        HttpOptionValues c = new HttpOptionValues();
        c.retry = retry;
        c.applicationId = applicationId;
        c.headers.putAll(headers);
        c.interceptors.addAll(interceptors);
        c.accountIdentifierLogging = accountIdentifierLogging;
        c.unsafeSupportLogging = unsafeSupportLogging;
        return c;
    }

    RetryOptions retryOrEmpty() {
        return retry != null ? retry : RetryOptions.builder().build();
    }

    /** Checks what cannot be checked in the setters alone. */
    void validate() {
        if (applicationId != null && (applicationId.isEmpty() || applicationId.length() > 256
                || !applicationId.chars().allMatch(c -> c > 0x20 && c < 0x7f))) {
            throw new IllegalArgumentException("CredentialOptions: applicationId must be 1 to 256 visible ASCII characters "
                    + "without spaces, as azure-core's ClientOptions requires. Set a short name such as \"my-app/1.2\".");
        }
        for (Map.Entry<String, String> h : headers.entrySet()) {
            String name = h.getKey();
            if (name.isEmpty() || !name.chars().allMatch(HttpOptionValues::isTokenChar)) {
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

    HttpSettings toSettings() {
        return new HttpSettings(retry, applicationId, headers, interceptors, accountIdentifierLogging, unsafeSupportLogging);
    }

    /** Names what is set; header values are left out, since one may be a key. */
    String describe() {
        return "retryOptions=" + (retry == null ? "default" : retry) + ", applicationId=" + applicationId
                + ", headers=" + headers.keySet() + ", interceptors=" + interceptors.size()
                + ", accountIdentifierLogging=" + accountIdentifierLogging
                + ", unsafeSupportLogging=" + unsafeSupportLogging;
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
