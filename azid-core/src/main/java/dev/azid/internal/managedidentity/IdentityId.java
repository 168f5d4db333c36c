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
        SYSTEM,
        /** A user-assigned identity by client id. */
        CLIENT_ID,
        /** A user-assigned identity by ARM resource id. */
        RESOURCE_ID,
        /** A user-assigned identity by object (principal) id. */
        OBJECT_ID
    }

    /** @return whether this is a user-assigned identity */
    public boolean userAssigned() {
        return kind != Kind.SYSTEM;
    }

    /** @return a description for messages, e.g. {@code user-assigned identity with client id X} */
    public String describe() {
        return switch (kind) {
            case SYSTEM -> "the system-assigned identity";
            case CLIENT_ID -> "the user-assigned identity with client id " + value;
            case RESOURCE_ID -> "the user-assigned identity with resource id " + value;
            case OBJECT_ID -> "the user-assigned identity with object id " + value;
        };
    }
}
