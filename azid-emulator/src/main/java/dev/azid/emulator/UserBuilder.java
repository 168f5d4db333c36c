package dev.azid.emulator;

import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.UUID;

/** Builds an {@link EmulatorConfig.User}: {@link EmulatorConfig.User#builder(String, String)} or {@code toBuilder()}. Not thread-safe. */
public final class UserBuilder {
    private final String username;
    private final String password;
    private String objectId;
    private String displayName = "";
    private boolean mfaRequired;

    UserBuilder(String username, String password) {
        this.username = Objects.requireNonNull(username, "username");
        this.password = Objects.requireNonNull(password, "password");
    }

    /**
     * Sets the object id (default: a UUID derived from the user name, the same on every run).
     *
     * @param objectId the object id
     * @return this builder
     */
    public UserBuilder objectId(String objectId) {
        this.objectId = Objects.requireNonNull(objectId, "objectId");
        return this;
    }

    /**
     * Sets the name (default empty).
     *
     * @param displayName the name
     * @return this builder
     */
    public UserBuilder displayName(String displayName) {
        this.displayName = Objects.requireNonNull(displayName, "displayName");
        return this;
    }

    /**
     * Sets whether Conditional Access demands multi-factor authentication for the user (default
     * {@code false}): the password grant is then refused with AADSTS50076.
     *
     * @param mfaRequired whether MFA is required
     * @return this builder
     */
    public UserBuilder mfaRequired(boolean mfaRequired) {
        this.mfaRequired = mfaRequired;
        return this;
    }

    /** @return the user */
    public EmulatorConfig.User build() {
        String oid = objectId != null ? objectId
                : UUID.nameUUIDFromBytes(("user:" + username).getBytes(StandardCharsets.UTF_8)).toString();
        return new EmulatorConfig.User(username, password, oid, displayName, mfaRequired);
    }

    /** Never shows the password. */
    @Override
    public String toString() {
        return "UserBuilder[" + username + "]";
    }
}
