package dev.azid.azure.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Constructor;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.Type;
import java.lang.reflect.TypeVariable;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The proof of "same signatures": every public constructor, method and constant of
 * {@code com.azure.identity} 1.19.0's credentials, builders and helper types users call exists in
 * {@code dev.azid.azure.identity} with the same name, parameter types and return type, types of
 * {@code com.azure.identity} mapped to their namesakes here. A builder method returning the
 * reference's type variable must return this package's builder.
 */
class SignatureParityTest {

    static final List<String> BUILDERS = List.of("DefaultAzureCredentialBuilder", "ClientSecretCredentialBuilder",
            "ClientCertificateCredentialBuilder", "ClientAssertionCredentialBuilder", "ManagedIdentityCredentialBuilder",
            "WorkloadIdentityCredentialBuilder", "AzureCliCredentialBuilder", "AzureDeveloperCliCredentialBuilder",
            "AzurePowerShellCredentialBuilder", "EnvironmentCredentialBuilder", "ChainedTokenCredentialBuilder",
            "InteractiveBrowserCredentialBuilder", "DeviceCodeCredentialBuilder", "OnBehalfOfCredentialBuilder",
            "AuthorizationCodeCredentialBuilder", "UsernamePasswordCredentialBuilder", "AzurePipelinesCredentialBuilder");

    static final List<String> CREDENTIALS = BUILDERS.stream().map(b -> b.replace("Builder", "")).toList();

    static final List<String> HELPERS = List.of("AzureAuthorityHosts", "AuthenticationUtil", "TokenCachePersistenceOptions",
            "AuthenticationRecord", "DeviceCodeInfo", "CredentialUnavailableException", "AuthenticationRequiredException",
            "AzureIdentityEnvVars", "BrowserCustomizationOptions");

    /**
     * Members of the reference deliberately not mirrored, each with its reason. Empty: every member
     * exists; those azid cannot honour yet throw UnsupportedOperationException (see the
     * compatibility builders' Javadoc).
     */
    static final Map<String, String> LEFT_OUT = Map.of();

    private static final String REFERENCE = "com.azure.identity.";
    private static final String OURS = "dev.azid.azure.identity.";

    @Test
    void everyReferenceMember_existsWithTheSameSignature() throws Exception {
        Set<String> missing = new TreeSet<>();
        int compared = 0;
        for (String name : Stream.of(BUILDERS, CREDENTIALS, HELPERS).flatMap(List::stream).toList()) {
            Class<?> reference = Class.forName(REFERENCE + name);
            Class<?> ours = Class.forName(OURS + name);
            Set<String> have = signatures(ours);
            for (String signature : signatures(reference)) {
                compared++;
                String key = name + "." + signature;
                if (!have.contains(signature) && !LEFT_OUT.containsKey(key)) {
                    missing.add(key);
                }
            }
        }
        assertThat(missing).as("reference members missing from dev.azid.azure.identity").isEmpty();
        assertThat(compared).as("members compared").isGreaterThan(400);
        assertThat(signatures(Class.forName(REFERENCE + "ClientSecretCredentialBuilder")))
                .contains("maxRetry(int) -> <self>", "clientSecret(java.lang.String) -> <self>",
                        "build() -> dev.azid.azure.identity.ClientSecretCredential");
    }

    @Test
    void leftOut_namesOnlyMembersTheReferenceHas() throws Exception {
        for (String key : LEFT_OUT.keySet()) {
            String type = key.substring(0, key.indexOf('.'));
            assertThat(signatures(Class.forName(REFERENCE + type))).contains(key.substring(type.length() + 1));
        }
    }

    @Test
    void builders_buildTheSameNamedCredential_whichIsAFinalAzureCoreTokenCredential() throws Exception {
        for (String builder : BUILDERS) {
            Class<?> b = Class.forName(OURS + builder);
            Class<?> credential = Class.forName(OURS + builder.replace("Builder", ""));
            assertThat(b.getMethod("build").getReturnType()).isEqualTo(credential);
            assertThat(b.getConstructor()).isNotNull();
            assertThat(Modifier.isFinal(credential.getModifiers())).as(credential + " is final").isTrue();
            assertThat(credential.getConstructors()).as(credential + " has no public constructor").isEmpty();
            assertThat(com.azure.core.credential.TokenCredential.class).isAssignableFrom(credential);
        }
    }

    /**
     * Public constructors, methods and constants, with the reference's package mapped to ours. Methods
     * are collected from the declarations of the class, its superclasses and interfaces, so that those
     * a public builder inherits from a package-private base count with their generic signatures
     * (javac's access bridges have erased ones).
     */
    static Set<String> signatures(Class<?> type) {
        Set<String> out = new TreeSet<>();
        for (Class<?> c : hierarchy(type)) {
            for (Method m : c.getDeclaredMethods()) {
                if (!Modifier.isPublic(m.getModifiers()) || m.isBridge() || m.isSynthetic()
                        || (Modifier.isStatic(m.getModifiers()) && c != type)) {
                    continue;
                }
                out.add((Modifier.isStatic(m.getModifiers()) ? "static " : "") + m.getName()
                        + params(m.getGenericParameterTypes()) + " -> " + returned(type, m.getGenericReturnType()));
            }
        }
        for (Constructor<?> c : type.getConstructors()) {
            out.add("<init>" + params(c.getGenericParameterTypes()));
        }
        for (Field f : type.getFields()) {
            if (Modifier.isStatic(f.getModifiers()) && f.getDeclaringClass() == type) {
                out.add("static field " + f.getName() + " : " + mapped(f.getGenericType().getTypeName()));
            }
        }
        return out;
    }

    private static Set<Class<?>> hierarchy(Class<?> type) {
        Set<Class<?>> all = new java.util.LinkedHashSet<>();
        java.util.Deque<Class<?>> todo = new java.util.ArrayDeque<>(List.of(type));
        while (!todo.isEmpty()) {
            Class<?> c = todo.pop();
            if (c == Object.class || c.getName().startsWith("java.") || !all.add(c)) {
                continue;
            }
            if (c.getSuperclass() != null) {
                todo.add(c.getSuperclass());
            }
            todo.addAll(List.of(c.getInterfaces()));
        }
        return all;
    }

    private static String params(Type[] types) {
        return Arrays.stream(types).map(t -> mapped(t.getTypeName())).collect(Collectors.joining(", ", "(", ")"));
    }

    private static String returned(Type owner, Type type) {
        return type instanceof TypeVariable<?> ? "<self>" : mapped(type.getTypeName()).replace(mapped(owner.getTypeName()), "<self>");
    }

    private static String mapped(String typeName) {
        return typeName.replace(REFERENCE, OURS);
    }
}
