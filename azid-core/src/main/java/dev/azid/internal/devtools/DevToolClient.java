package dev.azid.internal.devtools;

import dev.azid.AccessToken;
import dev.azid.AuthenticationFailedException;
import dev.azid.CredentialUnavailableException;
import dev.azid.internal.cache.CachedTokenSource;
import dev.azid.internal.cache.RefreshPolicy;
import dev.azid.internal.cache.ResolvedRequest;
import dev.azid.internal.json.JsonObject;
import dev.azid.internal.process.ProcessResult;
import dev.azid.internal.redact.Redactor;
import java.time.Instant;
import java.util.function.Function;

/**
 * What the developer-tool clients share, written once: the cached token source in front of the
 * tool (its tenants from the settings, claims challenges refused with the sign-in that answers
 * them, CAE ignored: the tools take no client capabilities), and how a run that failed or printed
 * an unreadable answer is reported. Each client adds how it runs its tool and reads the answer.
 */
public abstract class DevToolClient implements CachedTokenSource.Protocol {

    /** The credential's name, for messages. */
    final String name;
    /** The validated settings. */
    final DevToolSettings settings;
    private final String tool;
    private final CachedTokenSource source;

    DevToolClient(String name, DevToolSettings settings, String tool, String cacheIdentity,
            CachedTokenSource.ScopeRule scopes) {
        this.name = name;
        this.settings = settings;
        this.tool = tool;
        this.source = new CachedTokenSource(settings.cache(), cacheIdentity, scopes, DevToolTenants.rule(name, settings),
                this).refusing(this::refuse).ignoringCae();
    }

    /**
     * The credential's token source: the cache in front of this protocol.
     *
     * @return the source, which a public credential serves its calls from
     */
    public final CachedTokenSource tokens() {
        return source;
    }

    /**
     * The command with which the user answers a claims challenge at the tool.
     *
     * @param request the request that carries the challenge
     * @return the command, e.g. {@code azd auth login --tenant-id T}
     */
    abstract String claimsSignIn(ResolvedRequest request);

    /**
     * Refuses, before the cache is asked, another request the tool can never serve; none by default.
     *
     * @param request the checked request
     */
    void check(ResolvedRequest request) {
    }

    private void refuse(ResolvedRequest request) {
        if (request.claims() != null) {
            throw new CredentialUnavailableException(name + ": the resource sent a claims challenge, which " + tool
                    + " cannot answer without you. Run: " + claimsSignIn(request));
        }
        check(request);
    }

    /**
     * Throws the failure for a run that exited non-zero: the tool ran and refused.
     *
     * @param result the run
     * @param command the command as the message names it
     * @param where how the user sees the whole error, e.g. {@code the command in a terminal}
     */
    final void requireSuccess(ProcessResult result, String command, String where) {
        if (result.exitCode() != 0) {
            throw new AuthenticationFailedException(name + ": " + command + " failed with exit code " + result.exitCode()
                    + ": " + Redactor.SHAPES.excerpt(result.stderr().isBlank() ? result.stdout() : result.stderr())
                    + ". Run " + where + " to see the whole error.");
        }
    }

    /**
     * The failure for a run that succeeded but printed what cannot be read.
     *
     * @param command the command as the message names it
     * @param why what is wrong with the output
     * @param update what to update, e.g. {@code the Azure CLI}
     * @return the exception to throw
     */
    final AuthenticationFailedException unreadable(String command, String why, String update) {
        return new AuthenticationFailedException(name + ": " + command + " succeeded but " + why + ". Update " + update
                + ".");
    }

    /**
     * The bearer token of a tool's JSON answer.
     *
     * @param json the answer
     * @param field the token's field
     * @param expiry the expiry, given the current instant
     * @return the token, refreshed on the usual policy
     * @throws IllegalStateException if the token is missing or blank, or the expiry cannot be read
     */
    final AccessToken bearer(JsonObject json, String field, Function<Instant, Instant> expiry) {
        String token = json.string(field).filter(s -> !s.isBlank())
                .orElseThrow(() -> new IllegalStateException("its output has no " + field));
        Instant now = settings.clock().instant();
        Instant expiresAt = expiry.apply(now);
        return new AccessToken(token, expiresAt, RefreshPolicy.refreshAt(now, expiresAt, null), "Bearer");
    }

    @Override
    public String toString() {
        return name + "[tenant=" + settings.tenantId() + "]";
    }
}
