package dev.azid.differential;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What one side did for one probe, in comparable terms (hosts, ports and token values normalised away).
 *
 * @param status per request: {@code <phase>:<kind>}, e.g. {@code GET_TOKEN:TOKEN}, {@code GET_TOKEN:UNAVAILABLE},
 *     {@code BUILD:CONFIG}
 * @param answer who produced the last token: a fake tool ({@code fake-az}) or the kind of the emulator request
 *     that issued it; {@code -} when no token
 * @param requests the emulator requests other than discovery, normalised, in order
 * @param discovery how many instance-discovery and OpenID metadata requests were made
 * @param tools the fake tool runs, normalised, in order
 * @param chain for a failing chain, the credential names its message lists, in order
 * @param outbound the distinct targets of requests that would have left the machine (CONNECT through the emulator's transparent-mode proxy)
 * @param messages the exception messages (for diagnosis only, never compared)
 */
record Outcome(List<String> status, String answer, List<String> requests, int discovery, List<String> tools, String chain,
        List<String> outbound, List<String> messages) {

    /** The parts of an outcome that are compared. */
    enum Aspect {
        STATUS, ANSWER, REQUESTS, DISCOVERY, TOOLS, CHAIN, OUTBOUND
    }

    /** Copies. */
    Outcome {
        status = List.copyOf(status);
        requests = List.copyOf(requests);
        tools = List.copyOf(tools);
        outbound = List.copyOf(outbound);
        messages = List.copyOf(messages);
    }

    /** @return each compared aspect's value */
    Map<Aspect, Object> aspects() {
        Map<Aspect, Object> m = new EnumMap<>(Aspect.class);
        m.put(Aspect.STATUS, status);
        m.put(Aspect.ANSWER, answer);
        m.put(Aspect.REQUESTS, requests);
        m.put(Aspect.DISCOVERY, discovery);
        m.put(Aspect.TOOLS, tools);
        m.put(Aspect.CHAIN, chain);
        m.put(Aspect.OUTBOUND, outbound);
        return m;
    }

    /**
     * The aspects in which two outcomes differ.
     *
     * @param other the other side's outcome
     * @return the differing aspects
     */
    java.util.Set<Aspect> differences(Outcome other) {
        java.util.Set<Aspect> out = java.util.EnumSet.noneOf(Aspect.class);
        Map<Aspect, Object> mine = aspects();
        other.aspects().forEach((k, v) -> {
            if (!Objects.equals(mine.get(k), v)) {
                out.add(k);
            }
        });
        return out;
    }

    Outcome withRequests(List<String> changed) {
        return new Outcome(status, answer, changed, discovery, tools, chain, outbound, messages);
    }

    Outcome withStatus(List<String> changed) {
        return new Outcome(changed, answer, requests, discovery, tools, chain, outbound, messages);
    }

    Outcome withAnswer(String changed) {
        return new Outcome(status, changed, requests, discovery, tools, chain, outbound, messages);
    }

    Outcome withTools(List<String> changed) {
        return new Outcome(status, answer, requests, discovery, changed, chain, outbound, messages);
    }

    Outcome withChain(String changed) {
        return new Outcome(status, answer, requests, discovery, tools, changed, outbound, messages);
    }

    Outcome withOutbound(List<String> changed) {
        return new Outcome(status, answer, requests, discovery, tools, chain, changed, messages);
    }

    Outcome withDiscovery(int changed) {
        return new Outcome(status, answer, requests, changed, tools, chain, outbound, messages);
    }

    @Override
    public String toString() {
        return "Outcome{status=" + status + ", answer=" + answer + ", requests=" + requests + ", discovery=" + discovery
                + ", tools=" + tools + ", chain=" + chain + ", outbound=" + outbound + ",\n    messages=" + messages + "}";
    }
}
