package dev.azid.azure.identity;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.Objects;
import reactor.core.publisher.Mono;

/**
 * Who signed in, without any secret: returned by {@code authenticate()}, passed to
 * {@code authenticationRecord(...)} with a persistent cache to sign in silently later. Serializes to
 * the JSON of {@code dev.azid.AuthenticationRecord} (fields {@code authority}, {@code homeAccountId},
 * {@code tenantId}, {@code clientId}, {@code username}). Immutable.
 */
public final class AuthenticationRecord {

    private final dev.azid.AuthenticationRecord record;

    AuthenticationRecord(dev.azid.AuthenticationRecord record) {
        this.record = Objects.requireNonNull(record, "record");
    }

    dev.azid.AuthenticationRecord azid() {
        return record;
    }

    /** @return the authority host */
    public String getAuthority() {
        return record.authority();
    }

    /** @return the account's home id ({@code uid.utid}) */
    public String getHomeAccountId() {
        return record.homeAccountId();
    }

    /** @return the tenant signed in to */
    public String getTenantId() {
        return record.tenantId();
    }

    /** @return the public client used */
    public String getClientId() {
        return record.clientId();
    }

    /** @return the user's sign-in name */
    public String getUsername() {
        return record.username();
    }

    /**
     * Writes the record as JSON when subscribed.
     *
     * @param outputStream the stream (not closed)
     * @return the stream, once written
     */
    public Mono<OutputStream> serializeAsync(OutputStream outputStream) {
        return Mono.fromCallable(() -> {
            serialize(outputStream);
            return outputStream;
        });
    }

    /**
     * Writes the record as JSON.
     *
     * @param outputStream the stream (not closed)
     * @throws UncheckedIOException if writing fails
     */
    public void serialize(OutputStream outputStream) {
        try {
            record.serialize(outputStream);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Reads a record written by {@link #serialize} when subscribed.
     *
     * @param inputStream the stream (not closed)
     * @return the record
     */
    public static Mono<AuthenticationRecord> deserializeAsync(InputStream inputStream) {
        return Mono.fromCallable(() -> deserialize(inputStream));
    }

    /**
     * Reads a record written by {@link #serialize}.
     *
     * @param inputStream the stream (not closed)
     * @return the record
     * @throws UncheckedIOException if reading fails
     * @throws IllegalArgumentException if the content is not a record
     */
    public static AuthenticationRecord deserialize(InputStream inputStream) {
        try {
            return new AuthenticationRecord(dev.azid.AuthenticationRecord.deserialize(inputStream));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public String toString() {
        return "AuthenticationRecord[" + record + "]";
    }
}
