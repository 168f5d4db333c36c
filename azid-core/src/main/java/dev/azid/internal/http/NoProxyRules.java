package dev.azid.internal.http;

import dev.azid.internal.util.Uris;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The {@code NO_PROXY} convention: comma-separated host names, domain suffixes (with or without a
 * leading dot), optional {@code :port}, or {@code *} for every host. Loopback and link-local
 * addresses always bypass the proxy.
 */
final class NoProxyRules {

    private record Rule(String host, int port) {
    }

    private final boolean all;
    private final List<Rule> rules;

    private NoProxyRules(boolean all, List<Rule> rules) {
        this.all = all;
        this.rules = rules;
    }

    static NoProxyRules parse(String value) {
        List<Rule> rules = new ArrayList<>();
        boolean all = false;
        for (String raw : value.split(",")) {
            String entry = raw.trim().toLowerCase(Locale.ROOT);
            if (entry.isEmpty()) {
                continue;
            }
            if (entry.equals("*")) {
                all = true;
                continue;
            }
            int port = -1;
            int colon = entry.lastIndexOf(':');
            if (colon > 0 && entry.indexOf(':') == colon && entry.substring(colon + 1).matches("\\d{1,5}")) {
                port = Integer.parseInt(entry.substring(colon + 1));
                entry = entry.substring(0, colon);
            }
            while (entry.startsWith("*") || entry.startsWith(".")) {
                entry = entry.substring(1);
            }
            if (!entry.isEmpty()) {
                rules.add(new Rule(entry, port));
            }
        }
        return new NoProxyRules(all, List.copyOf(rules));
    }

    boolean bypass(String host, int port) {
        if (host == null) {
            return true;
        }
        String h = host.toLowerCase(Locale.ROOT);
        if (all || Uris.isLoopback(h) || h.startsWith("169.254.")) {
            return true;
        }
        for (Rule rule : rules) {
            boolean hostMatches = h.equals(rule.host()) || h.endsWith("." + rule.host());
            if (hostMatches && (rule.port() == -1 || rule.port() == port)) {
                return true;
            }
        }
        return false;
    }
}
