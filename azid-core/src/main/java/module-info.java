/**
 * azid: Microsoft Entra ID access tokens for Java applications.
 *
 * <p>The public API is {@link dev.azid} (credentials, tokens, clouds, exceptions) and the small
 * HTTP SPI {@link dev.azid.http}. Everything under {@code dev.azid.internal} may change at any time.
 */
module dev.azid {
    requires java.net.http;
    requires jdk.httpserver;
    requires com.azure.json;
    requires org.slf4j;

    exports dev.azid;
    exports dev.azid.http;
}
