package dev.azid.benchmarks;

/**
 * One target of the issue and whether this run met it.
 *
 * @param section the section letter, e.g. {@code a}
 * @param target what was required
 * @param measured what this run measured
 * @param met true, false, or null when it could not be measured
 * @param why for a miss or a gap: the facts this run offers as the reason
 */
record Verdict(String section, String target, String measured, Boolean met, String why) {

    /** @return "met", "**missed**" or "not measured" */
    String status() {
        return met == null ? "not measured" : met ? "met" : "**missed**";
    }
}
