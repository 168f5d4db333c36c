package dev.azid.cli;

import dev.azid.SharedCacheStatus;
import dev.azid.SharedTokenCache;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** How {@code azid doctor} shows the shared cache: the store once, and each credential's entry and lease. */
final class SharedCacheReport {

    private SharedCacheReport() {
    }

    /** The store, for the table's head: {@code Shared cache: <store>, encrypted, reachable}. */
    static String storeLine(SharedTokenCache cache, List<SharedCacheStatus> statuses) {
        Optional<String> failure = failure(statuses);
        return "Shared cache: " + cache.store() + ", " + (cache.encrypted() ? "encrypted" : "clear text") + ", "
                + failure.map(f -> "unreachable (" + f + ")").orElse("reachable");
    }

    /**
     * One credential's line in the table; a store failure already shown in the head is not repeated.
     *
     * @param status the credential's status
     * @param statuses every credential's, for the head's failure
     * @return the line, after {@code shared cache: }
     */
    static String line(SharedCacheStatus status, List<SharedCacheStatus> statuses) {
        if (status.storeFailure().isEmpty() || !status.storeFailure().equals(failure(statuses))) {
            return status.toString();
        }
        String rest = new SharedCacheStatus(status.store(), status.encrypted(), status.notShared(), Optional.empty(),
                status.entry(), status.expiresAt(), status.leaseHolder()).toString();
        if (!status.shared()) {
            return rest;
        }
        return rest.isEmpty() ? "the store failed (see above)" : rest + "; the store failed (see above)";
    }

    /** The store, for JSON. */
    static Map<String, Object> storeJson(SharedTokenCache cache, List<SharedCacheStatus> statuses) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("store", String.valueOf(cache.store()));
        out.put("encrypted", cache.encrypted());
        Optional<String> failure = failure(statuses);
        out.put("reachable", failure.isEmpty());
        out.put("failure", failure.orElse(null));
        return out;
    }

    /** One credential's part, for JSON. */
    static Map<String, Object> json(SharedCacheStatus status) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("shared", status.shared());
        out.put("notShared", status.notShared().orElse(null));
        out.put("reachable", status.reachable());
        out.put("storeFailure", status.storeFailure().orElse(null));
        out.put("entry", status.entry().name().toLowerCase(Locale.ROOT));
        out.put("expiresAt", status.expiresAt().map(Object::toString).orElse(null));
        out.put("leaseHolder", status.leaseHolder().map(h -> {
            Map<String, Object> holder = new LinkedHashMap<>();
            holder.put("description", h.description());
            holder.put("expiresAt", h.expiresAt().toString());
            return (Object) holder;
        }).orElse(null));
        out.put("summary", status.toString());
        return out;
    }

    /** The first store failure: every credential asked the same store. */
    private static Optional<String> failure(List<SharedCacheStatus> statuses) {
        return statuses.stream().map(SharedCacheStatus::storeFailure).flatMap(Optional::stream).findFirst();
    }
}
