package dev.azid.internal.credential;

import dev.azid.AzureIdentityEnvVars;
import dev.azid.DefaultAzureCredential;
import dev.azid.DefaultAzureCredential.Kind;
import dev.azid.Environment;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

/** Which credentials {@code DefaultAzureCredential} tries, from exclusions and {@code AZURE_TOKEN_CREDENTIALS}. */
public final class DefaultChain {

    /** The variable that narrows the chain. */
    public static final String AZURE_TOKEN_CREDENTIALS = "AZURE_TOKEN_CREDENTIALS";

    private DefaultChain() {
    }

    /**
     * The kinds selected by {@code AZURE_TOKEN_CREDENTIALS}, read as azure-identity reads it: trimmed,
     * case-insensitive, {@code dev}, {@code prod}, or a credential's class name. A credential that
     * azid reports as always unavailable (IntelliJ, Visual Studio Code) is a valid choice. azid also
     * accepts {@code InteractiveBrowserCredential}, which azure-identity's chain does not hold.
     *
     * @param value the variable's value, or {@code null}
     * @return the kinds
     * @throws IllegalArgumentException for an unknown value
     */
    public static Set<Kind> selected(String value) {
        if (value == null || value.isBlank()) {
            return EnumSet.allOf(Kind.class);
        }
        String v = value.trim().toLowerCase(Locale.ROOT);
        if (v.equals("dev")) {
            return EnumSet.of(Kind.INTELLIJ, Kind.VISUAL_STUDIO_CODE, Kind.AZURE_CLI, Kind.AZURE_POWERSHELL,
                    Kind.AZURE_DEVELOPER_CLI, Kind.INTERACTIVE_BROWSER);
        }
        if (v.equals("prod")) {
            return EnumSet.of(Kind.ENVIRONMENT, Kind.WORKLOAD_IDENTITY, Kind.MANAGED_IDENTITY);
        }
        for (Kind k : Kind.values()) {
            if (k.credentialName().toLowerCase(Locale.ROOT).equals(v)) {
                return EnumSet.of(k);
            }
        }
        List<String> names = new ArrayList<>();
        for (Kind k : Kind.values()) {
            names.add(k.credentialName());
        }
        throw new IllegalArgumentException(DefaultAzureCredential.NAME + ": AZURE_TOKEN_CREDENTIALS is '" + value.trim()
                + "', which is not a valid value. Use 'dev', 'prod', or one of " + String.join(", ", names)
                + "; or unset it to try every credential.");
    }

    /**
     * The names of the variables given to {@code requireEnvVars}.
     *
     * @param name the credential's name
     * @param variables the variables
     * @return their names, in order
     * @throws IllegalArgumentException if one is {@code null}, naming its index
     */
    public static List<String> variableNames(String name, AzureIdentityEnvVars... variables) {
        Objects.requireNonNull(variables, "envVars");
        List<String> names = new ArrayList<>();
        for (int i = 0; i < variables.length; i++) {
            if (variables[i] == null) {
                throw new IllegalArgumentException(name + ": requireEnvVars got null at index " + i
                        + ". Pass only AzureIdentityEnvVars values.");
            }
            names.add(variables[i].toString());
        }
        return List.copyOf(names);
    }

    /**
     * Checks that required variables are set, as azure-identity's {@code requireEnvVars} does at build.
     *
     * @param name the credential's name
     * @param required the variable names
     * @param env where they are read (system properties, then environment variables, for the process)
     * @throws IllegalArgumentException naming every variable that is unset or empty
     */
    public static void requireVariables(String name, List<String> required, Environment env) {
        List<String> missing = required.stream().filter(v -> env.get(v).isEmpty()).distinct().toList();
        if (!missing.isEmpty()) {
            throw new IllegalArgumentException(name + ": required " + (missing.size() == 1 ? "variable " : "variables ")
                    + String.join(", ", missing) + (missing.size() == 1 ? " is" : " are") + " not set. Set "
                    + (missing.size() == 1 ? "it" : "them") + " (as an environment variable or a JVM system property) "
                    + "before building the credential, or remove " + (missing.size() == 1 ? "it" : "them")
                    + " from requireEnvVars.");
        }
    }

    /**
     * The kinds the chain tries, in order.
     *
     * @param name the credential's name
     * @param excluded the kinds excluded by the builder
     * @param env where {@code AZURE_TOKEN_CREDENTIALS} is read
     * @return the kinds
     * @throws IllegalArgumentException for an unknown value or when nothing is left
     */
    public static List<Kind> kinds(String name, Set<Kind> excluded, Environment env) {
        Set<Kind> kinds = selected(env.get(AZURE_TOKEN_CREDENTIALS).orElse(null));
        kinds.removeAll(excluded);
        if (kinds.isEmpty()) {
            throw new IllegalArgumentException(name + ": every credential is excluded. Remove an exclusion or change "
                    + "AZURE_TOKEN_CREDENTIALS.");
        }
        return List.copyOf(kinds);
    }
}
