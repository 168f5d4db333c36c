package dev.azid.internal.signin;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.azid.AuthenticationFailedException;
import dev.azid.internal.oauth2.Authority;
import dev.azid.internal.oauth2.FormBody;
import dev.azid.internal.oauth2.TokenEndpointClient;
import dev.azid.internal.oauth2.UserTokenResult;
import dev.azid.internal.redact.Redactor;
import dev.azid.internal.util.EndpointUrl;
import dev.azid.internal.util.UrlUse;
import java.io.IOException;
import java.io.OutputStream;
import java.net.BindException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;

/**
 * Authorization code + PKCE (S256) through the system browser and a loopback listener on
 * 127.0.0.1: opens the authorize URL, accepts exactly one redirect whose {@code state} matches,
 * answers the browser with a short page, stops listening, and redeems the code.
 *
 * @param credentialName the credential, for messages
 * @param clientId the public client's id
 * @param redirectUri {@code http://localhost[:port][/path]}, or {@code null} for a free port
 * @param extra {@code login_hint}, {@code domain_hint}, {@code prompt} (null values skipped)
 * @param browser opens the authorize URL
 * @param timeout how long to wait for the redirect
 * @param endpoint redeems the code
 * @param successPage the HTML document shown after a sign-in, or {@code null} for azid's
 * @param errorPage the HTML document shown after an error ({@code {0}} error, {@code {1}} description), or {@code null}
 */
public record BrowserSignIn(String credentialName, String clientId, URI redirectUri, Map<String, String> extra,
        Consumer<URI> browser, Duration timeout, TokenEndpointClient endpoint, String successPage, String errorPage)
        implements UserSignIn {

    private static final SecureRandom RANDOM = new SecureRandom();

    /**
     * Checks a configured redirect URI: only {@code http://} on a loopback host can be listened on, and
     * like every endpoint it has no user info, query, fragment or traversal segments.
     *
     * @param credentialName for messages
     * @param redirectUrl the configured value
     * @return the URI
     * @throws IllegalArgumentException if it is not a loopback HTTP URI
     */
    public static URI loopbackRedirect(String credentialName, String redirectUrl) {
        return EndpointUrl.check(redirectUrl, credentialName + ": redirectUrl", UrlUse.LOOPBACK_REDIRECT);
    }

    /** Names the credential, client and redirect; never the hints (a user's name) nor the pages. */
    @Override
    public String toString() {
        return "BrowserSignIn[" + credentialName + ", clientId=" + clientId + ", redirect="
                + (redirectUri == null ? "a free loopback port" : redirectUri) + "]";
    }

    @Override
    public UserTokenResult signIn(Authority authority, List<String> scopes, String claims) {
        String verifier = random(32);
        String state = random(24);
        CompletableFuture<Map<String, String>> redirect = new CompletableFuture<>();
        int port = redirectUri == null || redirectUri.getPort() == -1 ? 0 : redirectUri.getPort();
        String path = redirectUri == null || redirectUri.getRawPath() == null || redirectUri.getRawPath().isEmpty()
                ? "/" : redirectUri.getRawPath();
        HttpServer server;
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 4);
        } catch (BindException e) {
            throw new AuthenticationFailedException(credentialName + ": cannot listen for the browser's redirect on port "
                    + port + ": it is in use. Choose another redirect port, or leave it unset for a free one.", e);
        } catch (IOException e) {
            throw new AuthenticationFailedException(credentialName + ": cannot listen for the browser's redirect ("
                    + Redactor.SHAPES.redact(e.getMessage()) + ").", Redactor.SHAPES.cause(e));
        }
        server.createContext(path, ex -> answer(ex, state, redirect));
        server.start();
        try {
            String redirectUrl = "http://localhost:" + server.getAddress().getPort() + (path.equals("/") ? "" : path);
            browser.accept(authorizeUrl(authority, scopes, claims, redirectUrl, state, challenge(verifier)));
            Map<String, String> result = await(redirect);
            if (result.containsKey("error")) {
                // The redirect is written by whoever controls the browser's target: quote it masked.
                Redactor redactor = endpoint.redactor(null).and(verifier, state);
                throw new AuthenticationFailedException(credentialName + ": sign-in failed: "
                        + redactor.firstLine(result.get("error"), 100)
                        + (result.containsKey("error_description") ? ": "
                                + redactor.firstLine(result.get("error_description"), 500) : "")
                        + ". Sign in again, and accept the request.");
            }
            FormBody form = new FormBody().add("grant_type", "authorization_code").add("client_id", clientId)
                    .add("code", result.get("code")).add("redirect_uri", redirectUrl).add("code_verifier", verifier)
                    .add("scope", String.join(" ", scopes)).add("client_info", "1").add("claims", claims);
            return endpoint.requestUserToken(authority.tokenEndpoint(), form);
        } finally {
            server.stop(0);
        }
    }

    private URI authorizeUrl(Authority authority, List<String> scopes, String claims, String redirectUrl, String state,
            String challenge) {
        Map<String, String> q = new LinkedHashMap<>();
        q.put("client_id", clientId);
        q.put("response_type", "code");
        q.put("redirect_uri", redirectUrl);
        q.put("scope", String.join(" ", scopes));
        q.put("state", state);
        q.put("code_challenge", challenge);
        q.put("code_challenge_method", "S256");
        q.put("response_mode", "query");
        extra.forEach((k, v) -> {
            if (v != null) {
                q.put(k, v);
            }
        });
        if (claims != null) {
            q.put("claims", claims);
        }
        StringBuilder sb = new StringBuilder(authority.host() + "/" + authority.tenant() + "/oauth2/v2.0/authorize?");
        q.forEach((k, v) -> sb.append(k).append('=').append(URLEncoder.encode(v, StandardCharsets.UTF_8)).append('&'));
        return URI.create(sb.substring(0, sb.length() - 1));
    }

    /** Takes the first redirect with a matching state (or an error); other requests get 404 and are ignored. */
    private void answer(HttpExchange ex, String state, CompletableFuture<Map<String, String>> redirect) throws IOException {
        Map<String, String> params = decode(ex.getRequestURI().getRawQuery());
        if (ex.getRequestMethod().equals("POST")) {
            params.putAll(decode(new String(ex.getRequestBody().readNBytes(64 * 1024), StandardCharsets.UTF_8)));
        }
        String page;
        int status;
        Runnable outcome = () -> { };
        if (!params.containsKey("code") && !params.containsKey("error")) {
            status = 404;
            page = "Not found";
        } else if (!state.equals(params.get("state"))) {
            status = 400;
            page = "<h1>Sign-in failed</h1><p>The response did not come from this sign-in (state mismatch).</p>";
            outcome = () -> redirect.completeExceptionally(new AuthenticationFailedException(credentialName
                    + ": the browser's redirect carried a state that this sign-in did not send, so it was refused. "
                    + "Sign in again."));
        } else {
            status = 200;
            page = params.containsKey("error") ? "<h1>Sign-in failed</h1><p>You can close this window.</p>"
                    : "<h1>Signed in</h1><p>Authentication complete. You can close this window.</p>";
            outcome = () -> redirect.complete(params);
        }
        String document = "<!doctype html><html><body>" + page + "</body></html>";
        if (status == 200 && !params.containsKey("error") && successPage != null) {
            document = successPage;
        } else if (status == 200 && params.containsKey("error") && errorPage != null) {
            document = errorPage.replace("{0}", escape(params.get("error")))
                    .replace("{1}", escape(params.getOrDefault("error_description", "")));
        }
        byte[] body = document.getBytes(StandardCharsets.UTF_8);
        try {
            ex.getResponseHeaders().set("Content-Type", "text/html; charset=utf-8");
            ex.sendResponseHeaders(status, body.length);
            try (OutputStream out = ex.getResponseBody()) {
                out.write(body);
            }
        } finally {
            // Only now: completing wakes the sign-in thread, which stops the listener and would cut this page off.
            outcome.run();
        }
    }

    private Map<String, String> await(CompletableFuture<Map<String, String>> redirect) {
        try {
            return redirect.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            throw new AuthenticationFailedException(credentialName + ": no sign-in came back from the browser within "
                    + timeout.toSeconds() + " s. Complete the sign-in in the browser, or raise the timeout.");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            CancellationException ce = new CancellationException(credentialName + ": interrupted while waiting for the browser");
            ce.initCause(e);
            throw ce;
        } catch (ExecutionException e) {
            throw (RuntimeException) e.getCause();
        }
    }

    private static Map<String, String> decode(String raw) {
        Map<String, String> out = new LinkedHashMap<>();
        if (raw == null || raw.isEmpty()) {
            return out;
        }
        for (String pair : raw.split("&")) {
            int eq = pair.indexOf('=');
            out.put(URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8),
                    eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
        }
        return out;
    }

    /** The redirect's text is anyone's input: it goes into the page as text, never as markup. */
    private static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (char c : text.toCharArray()) {
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    static String random(int bytes) {
        byte[] b = new byte[bytes];
        RANDOM.nextBytes(b);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
    }

    static String challenge(String verifier) {
        try {
            return Base64.getUrlEncoder().withoutPadding().encodeToString(
                    MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
