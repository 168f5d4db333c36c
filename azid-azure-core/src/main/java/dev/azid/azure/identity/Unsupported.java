package dev.azid.azure.identity;

import com.azure.core.http.policy.HttpLogDetailLevel;

/**
 * The {@link UnsupportedOperationException}s of the compatibility builders, one message format:
 * {@code <Builder>.<method>: <what azid does instead>. <what to do>.}
 */
final class Unsupported {

    private Unsupported() {
    }

    static UnsupportedOperationException bodyLogging(String builder, HttpLogDetailLevel level) {
        return new UnsupportedOperationException(builder + ".httpLogOptions(" + level + "): token request bodies hold "
                + "client secrets, assertions and passwords, which azid does not log as a matter of course. Use "
                + "HttpLogDetailLevel.HEADERS or BASIC; for a support case only, an Entra ID credential's builder has "
                + "enableUnsafeSupportLogging().");
    }

    static UnsupportedOperationException feature(String builder, String method, String instead) {
        return new UnsupportedOperationException(builder + "." + method + ": not supported by azid yet. " + instead);
    }
}
