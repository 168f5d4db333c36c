package dev.azid.internal.cert;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * One {@code -----BEGIN X-----} ... {@code -----END X-----} block of a PEM file: its type, its
 * RFC 1421 headers (such as {@code DEK-Info} of OpenSSL's traditional encrypted keys) and its DER
 * bytes.
 *
 * @param type the label, e.g. {@code CERTIFICATE}, {@code PRIVATE KEY}
 * @param headers the headers before the base64 body
 * @param der the decoded body
 */
record PemBlock(String type, Map<String, String> headers, byte[] der) {

    /**
     * Reads every block of a PEM text; text outside blocks (comments, "Bag Attributes") is skipped.
     *
     * @param data the file content
     * @return the blocks, in order
     * @throws IllegalArgumentException if a block is not terminated or its body is not base64
     */
    static List<PemBlock> parseAll(byte[] data) {
        String text = new String(data, StandardCharsets.US_ASCII);
        List<PemBlock> blocks = new ArrayList<>();
        int pos = 0;
        while (true) {
            int begin = text.indexOf("-----BEGIN ", pos);
            if (begin < 0) {
                return blocks;
            }
            int typeEnd = text.indexOf("-----", begin + 11);
            if (typeEnd < 0) {
                throw new IllegalArgumentException("a PEM BEGIN line is not terminated");
            }
            String type = text.substring(begin + 11, typeEnd).trim().toUpperCase(Locale.ROOT);
            String endMarker = "-----END " + type + "-----";
            int end = text.indexOf(endMarker, typeEnd);
            if (end < 0) {
                throw new IllegalArgumentException("the PEM block " + type + " has no END line");
            }
            blocks.add(parseBody(type, text.substring(typeEnd + 5, end)));
            pos = end + endMarker.length();
        }
    }

    private static PemBlock parseBody(String type, String body) {
        Map<String, String> headers = new LinkedHashMap<>();
        StringBuilder b64 = new StringBuilder();
        for (String raw : body.split("\r?\n")) {
            String line = raw.trim();
            int colon = line.indexOf(':');
            if (colon > 0) {
                headers.put(line.substring(0, colon).trim(), line.substring(colon + 1).trim());
            } else {
                b64.append(line);
            }
        }
        try {
            return new PemBlock(type, headers, Base64.getMimeDecoder().decode(b64.toString()));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("the PEM block " + type + " is not valid base64");
        }
    }

    /** Never prints key material. */
    @Override
    public String toString() {
        return "PemBlock[" + type + ", " + der.length + " bytes]";
    }
}
