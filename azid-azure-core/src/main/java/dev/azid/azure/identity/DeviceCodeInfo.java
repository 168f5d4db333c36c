package dev.azid.azure.identity;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/**
 * What a user needs to complete a device code sign-in, as handed to a
 * {@link DeviceCodeCredentialBuilder#challengeConsumer challenge consumer}. Immutable.
 */
public final class DeviceCodeInfo {

    private final String userCode;
    private final String deviceCode;
    private final String verificationUrl;
    private final OffsetDateTime expiresOn;
    private final String message;

    /**
     * Creates the value.
     *
     * @param userCode the code the user enters
     * @param deviceCode the device code, or {@code null}
     * @param verificationUrl the page to enter it on
     * @param expiresOn when the code expires
     * @param message Entra ID's instruction for the user
     */
    public DeviceCodeInfo(String userCode, String deviceCode, String verificationUrl, OffsetDateTime expiresOn,
            String message) {
        this.userCode = userCode;
        this.deviceCode = deviceCode;
        this.verificationUrl = verificationUrl;
        this.expiresOn = expiresOn;
        this.message = message;
    }

    /** The value for what azid hands out; azid keeps the device code to itself, so it is {@code null}. */
    static DeviceCodeInfo of(dev.azid.DeviceCodeInfo info) {
        return new DeviceCodeInfo(info.userCode(), null, info.verificationUri().toString(),
                info.expiresAt().atOffset(ZoneOffset.UTC), info.message());
    }

    /** @return the code the user enters */
    public String getUserCode() {
        return userCode;
    }

    /**
     * The device code. The polling secret of the sign-in: azid never hands it out, so it is
     * {@code null} in what a compatibility credential passes to the challenge consumer.
     *
     * @return the device code, or {@code null}
     */
    public String getDeviceCode() {
        return deviceCode;
    }

    /** @return the page to enter the code on */
    public String getVerificationUrl() {
        return verificationUrl;
    }

    /** @return when the code expires */
    public OffsetDateTime getExpiresOn() {
        return expiresOn;
    }

    /** @return Entra ID's ready-made instruction for the user */
    public String getMessage() {
        return message;
    }

    /** Names the page and expiry; never the device code. */
    @Override
    public String toString() {
        return "DeviceCodeInfo[verificationUrl=" + verificationUrl + ", expiresOn=" + expiresOn + "]";
    }
}
