package dev.azid.emulator;

/**
 * Answers one request: the emulator's seam between its HTTP listeners and its protocols. The
 * default dispatcher is the emulator's route table; {@link EntraEmulatorBuilder#dispatcher} replaces
 * or wraps it. Every listener (HTTPS, HTTP and Service Fabric) calls the same dispatcher, from many
 * threads at once, so an implementation must be thread-safe. The request log, injected faults and
 * the {@code client-request-id} echo are applied around it, whichever dispatcher is used.
 *
 * <pre>{@code
 * EntraEmulator.builder().dispatcher(routes -> call -> call.path().equals("/health")
 *         ? Reply.json(200, Map.of("status", "ok")) : routes.dispatch(call)).start();
 * }</pre>
 */
@FunctionalInterface
public interface Dispatcher {

    /**
     * Answers a request.
     *
     * @param call the request
     * @return the answer, never {@code null}
     */
    Reply dispatch(Call call);
}
