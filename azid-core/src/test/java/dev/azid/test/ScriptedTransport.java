package dev.azid.test;

import dev.azid.http.HttpRequest;
import dev.azid.http.HttpResponse;
import dev.azid.http.HttpTransport;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/** A transport that answers from a script and records every request; fails when the script runs out. */
public final class ScriptedTransport implements HttpTransport {

    /** One scripted step: a response, or an exception to throw. */
    public interface Step {
        HttpResponse answer(HttpRequest request) throws IOException;
    }

    private final Deque<Step> steps = new ArrayDeque<>();
    private final List<HttpRequest> requests = new ArrayList<>();
    private final AtomicInteger calls = new AtomicInteger();
    private Step fallback;

    /** A transport that fails the test on any call: proves that building a credential does no I/O. */
    public static HttpTransport failing() {
        return request -> {
            throw new AssertionError("unexpected HTTP call: " + request);
        };
    }

    public synchronized ScriptedTransport then(Step step) {
        steps.add(step);
        return this;
    }

    public ScriptedTransport thenJson(int status, String json) {
        return then(r -> json(status, json, Map.of()));
    }

    public ScriptedTransport thenJson(int status, String json, Map<String, String> headers) {
        return then(r -> json(status, json, headers));
    }

    public ScriptedTransport thenThrow(IOException e) {
        return then(r -> {
            throw e;
        });
    }

    /** Answers every request after the script with this step. */
    public synchronized ScriptedTransport always(Step step) {
        this.fallback = step;
        return this;
    }

    public static HttpResponse json(int status, String json, Map<String, String> headers) {
        Map<String, List<String>> h = new java.util.HashMap<>();
        h.put("Content-Type", List.of("application/json; charset=utf-8"));
        headers.forEach((k, v) -> h.put(k, List.of(v)));
        return new HttpResponse(status, h, json.getBytes(StandardCharsets.UTF_8));
    }

    public static String tokenJson(String token, long expiresIn) {
        return "{\"token_type\":\"Bearer\",\"expires_in\":" + expiresIn + ",\"ext_expires_in\":" + expiresIn
                + ",\"access_token\":\"" + token + "\"}";
    }

    @Override
    public HttpResponse send(HttpRequest request) throws IOException {
        Step step;
        synchronized (this) {
            requests.add(request);
            calls.incrementAndGet();
            step = steps.isEmpty() ? fallback : steps.poll();
        }
        if (step == null) {
            throw new AssertionError("the script has no answer for " + request);
        }
        return step.answer(request);
    }

    public synchronized List<HttpRequest> requests() {
        return List.copyOf(requests);
    }

    public int calls() {
        return calls.get();
    }

    /** The last request's body as text. */
    public synchronized String lastBody() {
        return new String(requests.get(requests.size() - 1).body(), StandardCharsets.UTF_8);
    }
}
