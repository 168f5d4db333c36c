package dev.azid;

import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * The name of a configuration variable that {@link DefaultAzureCredential.Builder#requireEnvVars}
 * can require, with constants for the names azure-identity lists. Like azure-identity's expandable
 * enum, {@link #fromString(String)} names any other variable. Immutable; equal when the names are.
 */
public final class AzureIdentityEnvVars {

    private static final Pattern NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]{0,127}");

    /** {@code AZURE_TENANT_ID}. */
    public static final AzureIdentityEnvVars AZURE_TENANT_ID = new AzureIdentityEnvVars("AZURE_TENANT_ID");
    /** {@code AZURE_CLIENT_ID}. */
    public static final AzureIdentityEnvVars AZURE_CLIENT_ID = new AzureIdentityEnvVars("AZURE_CLIENT_ID");
    /** {@code AZURE_CLIENT_SECRET}. */
    public static final AzureIdentityEnvVars AZURE_CLIENT_SECRET = new AzureIdentityEnvVars("AZURE_CLIENT_SECRET");
    /** {@code AZURE_CLIENT_CERTIFICATE_PATH}. */
    public static final AzureIdentityEnvVars AZURE_CLIENT_CERTIFICATE_PATH =
            new AzureIdentityEnvVars("AZURE_CLIENT_CERTIFICATE_PATH");
    /** {@code AZURE_CLIENT_CERTIFICATE_PASSWORD}. */
    public static final AzureIdentityEnvVars AZURE_CLIENT_CERTIFICATE_PASSWORD =
            new AzureIdentityEnvVars("AZURE_CLIENT_CERTIFICATE_PASSWORD");
    /** {@code AZURE_AUTHORITY_HOST}. */
    public static final AzureIdentityEnvVars AZURE_AUTHORITY_HOST = new AzureIdentityEnvVars("AZURE_AUTHORITY_HOST");
    /** {@code AZURE_TOKEN_CREDENTIALS}. */
    public static final AzureIdentityEnvVars AZURE_TOKEN_CREDENTIALS = new AzureIdentityEnvVars("AZURE_TOKEN_CREDENTIALS");
    /** {@code AZURE_CLIENT_SEND_CERTIFICATE_CHAIN}. */
    public static final AzureIdentityEnvVars AZURE_CLIENT_SEND_CERTIFICATE_CHAIN =
            new AzureIdentityEnvVars("AZURE_CLIENT_SEND_CERTIFICATE_CHAIN");

    private static final List<AzureIdentityEnvVars> KNOWN = List.of(AZURE_TENANT_ID, AZURE_CLIENT_ID, AZURE_CLIENT_SECRET,
            AZURE_CLIENT_CERTIFICATE_PATH, AZURE_CLIENT_CERTIFICATE_PASSWORD, AZURE_AUTHORITY_HOST, AZURE_TOKEN_CREDENTIALS,
            AZURE_CLIENT_SEND_CERTIFICATE_CHAIN);

    private final String name;

    private AzureIdentityEnvVars(String name) {
        this.name = name;
    }

    /**
     * The variable of a name: one of the constants, or another variable.
     *
     * @param name a variable name (letters, digits and {@code _}, not starting with a digit)
     * @return the variable
     * @throws IllegalArgumentException if the name is not a variable name
     */
    public static AzureIdentityEnvVars fromString(String name) {
        Objects.requireNonNull(name, "name");
        for (AzureIdentityEnvVars known : KNOWN) {
            if (known.name.equals(name)) {
                return known;
            }
        }
        if (!NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("AzureIdentityEnvVars: '" + name + "' is not a variable name. Use letters, "
                    + "digits and '_', not starting with a digit.");
        }
        return new AzureIdentityEnvVars(name);
    }

    /**
     * The constants, in azure-identity's order.
     *
     * @return the named variables
     */
    public static List<AzureIdentityEnvVars> values() {
        return KNOWN;
    }

    /** @return the variable's name, e.g. {@code AZURE_TENANT_ID} */
    @Override
    public String toString() {
        return name;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof AzureIdentityEnvVars other && other.name.equals(name);
    }

    @Override
    public int hashCode() {
        return name.hashCode();
    }
}
