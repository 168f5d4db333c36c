package dev.azid.internal.diagnostics;

import dev.azid.http.HttpRequest;
import dev.azid.http.HttpResponse;
import dev.azid.http.HttpTransport;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@code enableUnsafeSupportLogging} switch: logs each attempt's request and response, headers
 * and bodies included, at DEBUG on the logger {@value #LOGGER_NAME}. This logs secrets and tokens
 * on purpose, for a support case; it is the only place in azid that does. Bodies and header values
 * are cut to a bound, and control characters are escaped so a server cannot forge log lines.
 */
public final class UnsafeHttpLog implements HttpTransport {

    /** The logger the lines go to. */
    public static final String LOGGER_NAME = "dev.azid.UnsafeSupportLogging";

    /** The most of a body that is logged. */
    static final int MAX_BODY_CHARS = 8 * 1024;

    /** The most of one header value that is logged. */
    static final int MAX_VALUE_CHARS = 1024;

    /** The most headers logged per message. */
    static final int MAX_HEADERS = 64;

    private static final Logger LOG = LoggerFactory.getLogger(LOGGER_NAME);

    private final HttpTransport next;

    /**
     * Wraps a transport, and warns that unsafe logging is on.
     *
     * @param next the transport
     */
    public UnsafeHttpLog(HttpTransport next) {
        this.next = next;
        LOG.warn("CredentialOptions: unsafe support logging is on (enableUnsafeSupportLogging): request and response "
                + "bodies and headers, with secrets and tokens, are logged at DEBUG on {}. Turn it off once the support "
                + "case is done.", LOGGER_NAME);
    }

    @Override
    public HttpResponse send(HttpRequest request) throws IOException {
        if (!LOG.isDebugEnabled()) {
            return next.send(request);
        }
        LOG.debug("request {} {}\n{}\n{}", request.method(), bounded(request.uri().toString(), MAX_BODY_CHARS),
                headers(request.headers().entrySet().stream().map(e -> Map.entry(e.getKey(), List.of(e.getValue())))
                        .toList()), body(request.body()));
        HttpResponse response;
        try {
            response = next.send(request);
        } catch (IOException e) {
            LOG.debug("request {} {} got no response: {}", request.method(), bounded(request.uri().toString(),
                    MAX_BODY_CHARS), bounded(String.valueOf(e), MAX_VALUE_CHARS));
            throw e;
        }
        LOG.debug("response {} to {} {}\n{}\n{}", response.statusCode(), request.method(),
                bounded(request.uri().toString(), MAX_BODY_CHARS), headers(List.copyOf(response.headers().entrySet())),
                body(response.body()));
        return response;
    }

    private static String headers(List<Map.Entry<String, List<String>>> headers) {
        StringBuilder sb = new StringBuilder();
        int n = 0;
        for (Map.Entry<String, List<String>> e : headers) {
            for (String v : e.getValue()) {
                if (n++ == MAX_HEADERS) {
                    return sb.append("  ... (more headers not logged)").toString();
                }
                sb.append("  ").append(bounded(e.getKey(), MAX_VALUE_CHARS)).append(": ")
                        .append(bounded(v, MAX_VALUE_CHARS)).append('\n');
            }
        }
        return sb.toString();
    }

    private static String body(byte[] body) {
        if (body.length == 0) {
            return "(no body)";
        }
        int cut = Math.min(body.length, MAX_BODY_CHARS * 4);
        return "body (" + body.length + " bytes): " + bounded(new String(body, 0, cut, StandardCharsets.UTF_8), MAX_BODY_CHARS);
    }

    /** Cuts to {@code max} characters and escapes control characters. */
    static String bounded(String text, int max) {
        StringBuilder sb = new StringBuilder(Math.min(text.length(), max) + 16);
        for (int i = 0; i < text.length() && i < max; i++) {
            char c = text.charAt(i);
            if (c < 0x20 || c == 0x7f || c == '\u2028' || c == '\u2029') {
                sb.append(String.format("\\u%04x", (int) c));
            } else {
                sb.append(c);
            }
        }
        if (text.length() > max) {
            sb.append("... (").append(text.length() - max).append(" more characters)");
        }
        return sb.toString();
    }

    @Override
    public String toString() {
        return "UnsafeHttpLog[" + next + "]";
    }
}
