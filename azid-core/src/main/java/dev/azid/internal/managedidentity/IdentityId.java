package dev.azid.internal.managedidentity;

/**
 * Which managed identity: the system-assigned one, or a user-assigned one by client id, ARM
 * resource id or object (principal) id.
 *
 * @param kind the kind
 * @param value the id, or {@code null} for system-assigned
 */
public record IdentityId(Kind kind, String value) {

    /** The system-assigned identity. */
    public static final IdentityId SYSTEM = new IdentityId(Kind.SYSTEM, null);

    /** How the identity is named. */
    public enum Kind {
        /** The host's own identity. */
        SYSTEM(null),
        /** A user-assigned identity by client id. */
        CLIENT_ID("client id"),
        /** A user-assigned identity by ARM resource id. */
        RESOURCE_ID("resource id"),
        /** A user-assigned identity by object (principal) id. */
        OBJECT_ID("object id");

        private final String label;

        Kind(String label) {
            this.label = label;
        }

        /** @return what the id is, for messages: {@code client id}, {@code resource id}, {@code object id} */
        public String label() {
            return label;
        }
    }

    /** @return whether this is a user-assigned identity */
    public boolean userAssigned() {
        return kind != Kind.SYSTEM;
    }

    /** @return a description for messages, e.g. {@code user-assigned identity with client id X} */
    public String describe() {
        return userAssigned() ? "the user-assigned identity with " + kind.label + " " + value : "the system-assigned identity";
    }
}
