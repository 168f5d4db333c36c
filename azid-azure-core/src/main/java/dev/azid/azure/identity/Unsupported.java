package dev.azid.azure.identity;

import com.azure.core.http.policy.HttpLogDetailLevel;

/**
 * The {@link UnsupportedOperationException}s of the compatibility builders, one message format:
 * {@code <Builder>.<method>: <what azid does instead>. <what to do>.}
 */
final class Unsupported {

    private Unsupported() {
    }

    static UnsupportedOperationException retry(String builder, String method) {
        return new UnsupportedOperationException(builder + "." + method + ": azid does not take retry settings through the "
                + "compatibility builders yet; it retries every request itself, up to 3 times with exponential backoff on "
                + "throttling, server errors and connection failures, honouring Retry-After. Remove the call to keep "
                + "that policy.");
    }

    static UnsupportedOperationException logging(String builder, String method) {
        return new UnsupportedOperationException(builder + "." + method + ": azid has no such logging switch yet; it logs "
                + "through SLF4J under the dev.azid loggers, never tokens or secrets. Remove the call and set those "
                + "loggers' level instead.");
    }

    static UnsupportedOperationException bodyLogging(String builder, HttpLogDetailLevel level) {
        return new UnsupportedOperationException(builder + ".httpLogOptions(" + level + "): token request bodies hold "
                + "client secrets, assertions and passwords, which azid never logs. Use HttpLogDetailLevel.HEADERS or "
                + "BASIC.");
    }

    static UnsupportedOperationException persistentCache(String builder) {
        return new UnsupportedOperationException(builder + ".tokenCachePersistenceOptions(...): azid does not persist "
                + "this credential's tokens yet; it caches them in memory for the credential's lifetime. Remove the call "
                + "and keep one credential for the application's lifetime.");
    }

    static UnsupportedOperationException feature(String builder, String method, String instead) {
        return new UnsupportedOperationException(builder + "." + method + ": not supported by azid yet. " + instead);
    }
}
