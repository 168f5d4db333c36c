package dev.azid.emulator.internal;

import dev.azid.emulator.Call;
import dev.azid.emulator.Reply;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One row of the route table: a method (or {@code *} for any; handlers that accept only some
 * methods answer the others with their protocol's error) and a path template.
 *
 * <p>Templates: a literal segment matches itself; {@code {name}} matches one segment and hands it to
 * the handler; {@code **} matches any further segments, or none; a segment ending in {@code *}
 * matches that prefix and anything after it; a final {@code /?} also accepts a trailing slash.
 *
 * @param method the method, or {@code *}
 * @param template the path template
 * @param pattern the template compiled
 * @param names the parameter names, in order
 * @param handler what answers
 */
record Route(String method, String template, Pattern pattern, List<String> names, Handler handler) {

    /** Answers a matched request. */
    @FunctionalInterface
    interface Handler {
        /**
         * Answers.
         *
         * @param call the request
         * @param params the template's parameters by name
         * @return the answer
         * @throws Problem for an Entra error answer
         */
        Reply handle(Call call, Map<String, String> params);
    }

    /**
     * A route for any method.
     *
     * @param template the path template
     * @param handler what answers
     * @return the route
     */
    static Route any(String template, Handler handler) {
        List<String> names = new ArrayList<>();
        boolean optionalSlash = template.endsWith("/?");
        String t = optionalSlash ? template.substring(0, template.length() - 2) : template;
        StringBuilder regex = new StringBuilder();
        for (String seg : t.substring(1).split("/")) {
            if (seg.equals("**")) {
                regex.append("(?:/.*)?");
            } else if (seg.startsWith("{") && seg.endsWith("}")) {
                names.add(seg.substring(1, seg.length() - 1));
                regex.append("/([^/]+)");
            } else if (seg.endsWith("*")) {
                regex.append('/').append(Pattern.quote(seg.substring(0, seg.length() - 1))).append(".*");
            } else {
                regex.append('/').append(Pattern.quote(seg));
            }
        }
        if (optionalSlash) {
            regex.append("/?");
        }
        return new Route("*", template, Pattern.compile(regex.toString()), List.copyOf(names), handler);
    }

    /**
     * Matches a request.
     *
     * @param call the request
     * @param path the path to match (normalized)
     * @return the parameters if it matches
     */
    Optional<Map<String, String>> match(Call call, String path) {
        if (!method.equals("*") && !method.equals(call.method())) {
            return Optional.empty();
        }
        Matcher m = pattern.matcher(path);
        if (!m.matches()) {
            return Optional.empty();
        }
        Map<String, String> params = new LinkedHashMap<>();
        for (int i = 0; i < names.size(); i++) {
            params.put(names.get(i), m.group(i + 1));
        }
        return Optional.of(params);
    }
}
