package dev.azid.emulator;

import java.util.List;
import java.util.Objects;

/** Builds an {@link EmulatorConfig.Resource}: {@link EmulatorConfig.Resource#builder(String, String)}. Not thread-safe. */
public final class ResourceBuilder {
    private final String appIdUri;
    private final String appId;
    private int accessTokenVersion = 1;
    private List<String> aliases = List.of();

    ResourceBuilder(String appIdUri, String appId) {
        this.appIdUri = Objects.requireNonNull(appIdUri, "appIdUri");
        this.appId = Objects.requireNonNull(appId, "appId");
    }

    /**
     * Sets the token shape the resource accepts: 1 or 2 (default 1).
     *
     * @param version the version
     * @return this builder
     */
    public ResourceBuilder accessTokenVersion(int version) {
        this.accessTokenVersion = version;
        return this;
    }

    /**
     * Sets other App ID URIs meaning the same resource (default none).
     *
     * @param aliases the aliases
     * @return this builder
     */
    public ResourceBuilder aliases(List<String> aliases) {
        this.aliases = List.copyOf(aliases);
        return this;
    }

    /** @return the resource */
    public EmulatorConfig.Resource build() {
        return new EmulatorConfig.Resource(appIdUri, appId, accessTokenVersion, aliases);
    }
}
