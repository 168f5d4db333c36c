package dev.azid.internal.redact;

import java.util.Locale;
import java.util.Set;

/**
 * Decides whether a field, header, parameter or option name announces a secret value.
 *
 * <p>The name is compared case-insensitively with {@code -}, {@code _}, {@code .} and spaces
 * removed, so {@code client_secret}, {@code Client-Secret} and {@code clientSecret} are one name.
 * A name is secret when:
 * <ul>
 *   <li>it contains {@code token}, {@code secret}, {@code password}, {@code passwd}, {@code pwd},
 *       {@code assertion}, {@code credential}, {@code authorization}, {@code signature},
 *       {@code cookie}, {@code apikey} or {@code identityheader} (App Service's
 *       {@code X-IDENTITY-HEADER});</li>
 *   <li>it ends in {@code key} or {@code keys} ({@code AccountKey}, {@code x-functions-key},
 *       {@code SharedAccessKey}); names that merely start with or contain "key", such as
 *       {@code keyId}, {@code keyVaultUrl} or {@code SharedAccessKeyName}, are not secret;</li>
 *   <li>it is exactly {@code sig} (a SAS signature), {@code code} (an authorization code),
 *       {@code device_code}, {@code auth_code} or {@code code_verifier}. {@code user_code} is
 *       not secret: it is shown to the user on purpose and is useless without the device code;
 *       {@code error_code}, {@code statusCode} and the like are not secret either.</li>
 * </ul>
 * Except names that only describe a secret: those ending in {@code type}, {@code id}/{@code ids},
 * {@code name}, {@code uri}/{@code url}, {@code endpoint}, {@code file}, {@code path}, an expiry
 * ({@code expires}, {@code expires_in}, {@code expires_on}, {@code expiry}, {@code expiration}),
 * {@code count}, {@code length}, {@code format}, {@code exception} or {@code error}
 * ({@code token_type}, {@code client_secret_id}, {@code AZURE_FEDERATED_TOKEN_FILE},
 * {@code refresh_token_expires_in}); and, unless quoted (a quoted name is always a field), type
 * names ending in {@code Credential} ({@code ClientSecretCredential: ...} starts azid's own
 * messages) and PowerShell command names ({@code Get-AzAccessToken: ...} starts its errors).
 */
final class SecretKeys {

    private static final String[] CONTAINED = {"token", "secret", "password", "passwd", "pwd", "assertion",
        "credential", "authorization", "signature", "cookie", "apikey", "identityheader"};
    private static final Set<String> EXACT = Set.of("sig", "code", "devicecode", "authcode", "codeverifier");
    private static final String[] DESCRIPTIVE = {"type", "id", "ids", "name", "uri", "url", "endpoint", "file", "path",
        "expires", "expiresin", "expireson", "expiry", "expiration", "count", "length", "format", "exception", "error"};
    /** Header names whose value runs to the end of the line: a scheme and a credential, or several cookies. */
    private static final String[] WHOLE_LINE = {"authorization", "cookie"};

    private SecretKeys() {
    }

    /**
     * Tells whether a name announces a secret.
     *
     * @param text the text holding the name
     * @param start the name's first character
     * @param end one past its last character
     * @param quoted whether the name stands in quotes: then it is a field, never a type or command
     * @return whether the value after it is to be masked
     */
    static boolean isSecret(CharSequence text, int start, int end, boolean quoted) {
        String original = text.subSequence(start, end).toString();
        String key = normalise(original);
        if (key.isEmpty() || !quoted && (isTypeName(original) || isCmdlet(original))) {
            return false;
        }
        if (EXACT.contains(key)) {
            return true;
        }
        for (String d : DESCRIPTIVE) {
            if (key.endsWith(d)) {
                return false;
            }
        }
        if (key.endsWith("key") || key.endsWith("keys")) {
            return true;
        }
        for (String c : CONTAINED) {
            if (key.contains(c)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Tells whether a secret name is a header whose value is the whole rest of the line.
     *
     * @param text the text holding the name
     * @param start the name's first character
     * @param end one past its last character
     * @return whether the value runs to the end of the line
     */
    static boolean isWholeLine(CharSequence text, int start, int end) {
        String key = normalise(text.subSequence(start, end).toString());
        for (String w : WHOLE_LINE) {
            if (key.endsWith(w)) {
                return true;
            }
        }
        return false;
    }

    private static String normalise(String name) {
        StringBuilder sb = new StringBuilder(name.length());
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (c != '-' && c != '_' && c != '.' && c != ' ') {
                sb.append(c);
            }
        }
        return sb.toString().toLowerCase(Locale.ROOT);
    }

    /** {@code ClientSecretCredential}, {@code dev.azid.AzureCliCredential}: a class name, not a field. */
    private static boolean isTypeName(String name) {
        int dot = name.lastIndexOf('.');
        String simple = name.substring(dot + 1);
        return simple.length() > "Credential".length() && Character.isUpperCase(simple.charAt(0))
                && simple.endsWith("Credential");
    }

    /** {@code Get-AzAccessToken}: a capitalised verb, a hyphen, then an {@code Az} noun. */
    private static boolean isCmdlet(String name) {
        int hyphen = name.indexOf('-');
        if (hyphen < 2 || !Character.isUpperCase(name.charAt(0)) || !name.startsWith("Az", hyphen + 1)) {
            return false;
        }
        for (int i = 1; i < hyphen; i++) {
            if (!Character.isLowerCase(name.charAt(i))) {
                return false;
            }
        }
        return true;
    }
}
