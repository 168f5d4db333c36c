package dev.azid;

import java.net.URI;
import java.time.Instant;

/**
 * What a user needs to complete a device code sign-in on another device.
 *
 * @param userCode the code to enter
 * @param verificationUri the page to enter it on
 * @param expiresAt when the code expires
 * @param message Entra ID's ready-made instruction for the user
 */
public record DeviceCodeInfo(String userCode, URI verificationUri, Instant expiresAt, String message) {
}
