package dev.azid.internal.cloud;

import dev.azid.internal.json.JsonFormatException;
import dev.azid.internal.json.JsonObject;
import java.io.IOException;
import java.io.StringReader;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;

/**
 * Reads SDK auth files into a map of known keys: the JSON of {@code az ad sp create-for-rbac
 * --sdk-auth} and the older Java {@code .azureauth} properties format, whose keys are mapped to the
 * JSON names. Unknown keys are dropped. Throws only {@link IllegalStateException} with messages that
 * quote no value.
 */
public final class AuthFileParser {

    /** {@code .azureauth} key → JSON key. */
    private static final Map<String, String> PROPERTIES = Map.of(
            "subscription", "subscriptionId", "client", "clientId", "key", "clientSecret", "tenant", "tenantId",
            "certificate", "clientCertificate", "certificatePassword", "clientCertificatePassword",
            "managementURI", "managementEndpointUrl", "baseURL", "resourceManagerEndpointUrl",
            "authURL", "activeDirectoryEndpointUrl", "graphURL", "activeDirectoryGraphResourceId");

    private static final java.util.Set<String> JSON_KEYS = java.util.Set.of("clientId", "clientSecret", "subscriptionId",
            "tenantId", "activeDirectoryEndpointUrl", "resourceManagerEndpointUrl", "activeDirectoryGraphResourceId",
            "sqlManagementEndpointUrl", "galleryEndpointUrl", "managementEndpointUrl", "clientCertificate",
            "clientCertificatePassword");

    private AuthFileParser() {
    }

    /**
     * Parses either format, told apart by the first non-blank character.
     *
     * @param text the file's content
     * @return the known keys with their (string) values
     */
    public static Map<String, String> parse(String text) {
        String t = text.strip();
        if (t.startsWith("\uFEFF")) {
            t = t.substring(1).strip();
        }
        return t.startsWith("{") ? json(t) : properties(t);
    }

    /**
     * Takes the known keys of an in-memory JSON object.
     *
     * @param map the object
     * @return the known keys with their values
     */
    public static Map<String, String> fromMap(Map<String, ?> map) {
        Map<String, String> out = new LinkedHashMap<>();
        for (Map.Entry<String, ?> e : map.entrySet()) {
            if (JSON_KEYS.contains(e.getKey()) && e.getValue() != null) {
                if (!(e.getValue() instanceof String s)) {
                    throw new IllegalStateException("'" + e.getKey() + "' must be a string");
                }
                out.put(e.getKey(), s);
            }
        }
        return out;
    }

    private static Map<String, String> json(String text) {
        JsonObject json;
        try {
            json = JsonObject.parse(text);
        } catch (JsonFormatException e) {
            throw new IllegalStateException("it is not valid JSON (" + e.getMessage() + ")");
        }
        Map<String, String> out = new LinkedHashMap<>();
        for (String key : JSON_KEYS) {
            Object v = json.asMap().get(key);
            if (v == null) {
                continue;
            }
            if (!(v instanceof String s)) {
                throw new IllegalStateException("'" + key + "' must be a string");
            }
            out.put(key, s);
        }
        return out;
    }

    private static Map<String, String> properties(String text) {
        Properties p = new Properties();
        try {
            p.load(new StringReader(text));
        } catch (IOException | IllegalArgumentException e) {
            throw new IllegalStateException("it is neither JSON nor a properties file");
        }
        if (p.isEmpty() || p.keySet().stream().noneMatch(PROPERTIES::containsKey)) {
            throw new IllegalStateException("it is neither the JSON of 'az ad sp create-for-rbac --sdk-auth' nor an "
                    + ".azureauth properties file");
        }
        Map<String, String> out = new LinkedHashMap<>();
        PROPERTIES.forEach((prop, key) -> {
            String v = p.getProperty(prop);
            if (v != null && !v.isBlank()) {
                out.put(key, v.trim());
            }
        });
        return out;
    }
}
