package dev.azid.emulator;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Fault injection: make the next N requests to a route misbehave. Rules are matched in the order
 * they were added; a rule's regular expression is searched for anywhere in the request path (so
 * {@code "/oauth2/v2.0/token"} matches every tenant's token endpoint). Each matching request uses
 * up one of the rule's N. Thread-safe.
 *
 * <pre>{@code
 * emulator.faults().on("/oauth2/v2.0/token").next(2).status(503).retryAfter("1");
 * emulator.faults().on("/subscriptions").dropConnection();
 * }</pre>
 */
public final class Faults {

    private final List<Rule> rules = new ArrayList<>();

    /**
     * Adds a rule for paths matching the expression; by default it applies to the next request only
     * and does nothing until an action is set.
     *
     * @param pathRegex searched for in the request path
     * @return the rule, to configure
     */
    public synchronized Rule on(String pathRegex) {
        Rule rule = new Rule(Pattern.compile(pathRegex));
        rules.add(rule);
        return rule;
    }

    /** Removes every rule. */
    public synchronized void clear() {
        rules.clear();
    }

    /**
     * Takes the fault for a request, using up one of its rule's count (called by the emulator).
     *
     * @param path the request path
     * @return the fault to apply
     */
    public synchronized Optional<Rule> take(String path) {
        for (Rule rule : rules) {
            if (rule.remaining > 0 && rule.pattern.matcher(path).find()) {
                rule.remaining--;
                return Optional.of(rule);
            }
        }
        return Optional.empty();
    }

    /** One rule: which requests, how many, and what goes wrong. */
    public static final class Rule {
        private final Pattern pattern;
        private volatile int remaining = 1;
        private volatile int status;
        private volatile String retryAfter;
        private volatile Duration delay = Duration.ZERO;
        private volatile boolean drop;
        private volatile boolean malformed;

        private Rule(Pattern pattern) {
            this.pattern = pattern;
        }

        /**
         * Applies the rule to the next {@code n} matching requests (default 1).
         *
         * @param n how many
         * @return this rule
         */
        public Rule next(int n) {
            this.remaining = n;
            return this;
        }

        /**
         * Answers with this status and a JSON error body instead of the real answer.
         *
         * @param code the HTTP status
         * @return this rule
         */
        public Rule status(int code) {
            this.status = code;
            return this;
        }

        /**
         * Adds a {@code Retry-After} header (seconds or an HTTP date) to the status answer.
         *
         * @param value the header value
         * @return this rule
         */
        public Rule retryAfter(String value) {
            this.retryAfter = value;
            return this;
        }

        /**
         * Waits before answering (the real answer, or the fault's).
         *
         * @param d the delay
         * @return this rule
         */
        public Rule delay(Duration d) {
            this.delay = d;
            return this;
        }

        /**
         * Closes the connection without any answer: the client sees an I/O error.
         *
         * @return this rule
         */
        public Rule dropConnection() {
            this.drop = true;
            return this;
        }

        /**
         * Answers 200 with a truncated, non-JSON body.
         *
         * @return this rule
         */
        public Rule malformedBody() {
            this.malformed = true;
            return this;
        }

        /** @return the status to answer, or 0 */
        public int statusCode() {
            return status;
        }

        /** @return the Retry-After value, or {@code null} */
        public String retryAfterValue() {
            return retryAfter;
        }

        /** @return the delay */
        public Duration delayValue() {
            return delay;
        }

        /** @return whether to drop the connection */
        public boolean drops() {
            return drop;
        }

        /** @return whether to send a malformed body */
        public boolean malformed() {
            return malformed;
        }
    }
}
