package dev.azid;

import dev.azid.internal.process.ProcessResult;
import dev.azid.internal.process.ProcessRunner;
import dev.azid.test.ForeignInput;
import dev.azid.test.ForeignOutcome;
import dev.azid.test.MutableClock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import dev.azid.test.gen.Gen;
import dev.azid.test.gen.Gens;
import dev.azid.test.gen.Property;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.BeforeAll;

/**
 * Fuzzes what {@code az}, {@code azd} and {@code pwsh} print (stdout, stderr, exit code, time-outs)
 * through the public developer-tool credentials: any output gives a valid token or a documented
 * failure, and no token or secret the tool printed reaches a message or a log line.
 */
class DevToolOutputFuzzTest {

    private static final List<String> FIELDS = List.of("accessToken", "expiresOn", "expires_on", "tokenType",
            "subscription", "tenant", "token", "Token", "ExpiresOn", "TenantId", "error", "message");

    @TempDir
    static Path bin;

    @BeforeAll
    static void fakeTools() throws Exception {
        for (String tool : List.of("az", "azd", "pwsh")) {
            Path p = bin.resolve(tool);
            Files.writeString(p, "#!/bin/sh\nexit 1\n");
            Files.setPosixFilePermissions(p, PosixFilePermissions.fromString("rwx------"));
        }
    }

    record Output(String tool, int exit, String stdout, String stderr, boolean timedOut, String secret) {
    }

    private static Gen<Output> outputs() {
        return ForeignInput.secret().flatMap(secret -> Gens.combine(
                Gens.of("az", "azd", "pwsh"),
                Gens.of(0, 0, 0, 1, 2, 127, -1, 255),
                ForeignInput.jsonBody(secret, FIELDS),
                Gens.oneOf(Gens.just(""), ForeignInput.textWithSecret(secret),
                        Gens.of("ERROR: Please run 'az login' to setup account.", "not logged in, run `azd auth login`",
                                "Run Connect-AzAccount to login.", "AADSTS70043: The refresh token has expired")),
                Gens.of(false, false, false, false, true))
                .as((tool, exit, out, err, timedOut) -> new Output(tool, exit, out, err, timedOut, secret)));
    }

    private static TokenCredential credential(Output o, MutableClock clock) {
        ProcessRunner runner = (argv, env, dir, timeout) -> new ProcessResult(o.exit(), o.stdout(), o.stderr(), o.timedOut());
        Environment env = Environment.of(Map.of("PATH", bin.toString()));
        return switch (o.tool()) {
            case "az" -> AzureCliCredential.builder().options(CredentialOptions.builder().environment(env).clock(clock).executor(Runnable::run).build()).localZone(ZoneOffset.UTC).processRunner(runner)
                    .osName("Linux").processTimeout(Duration.ofSeconds(5)).build();
            case "azd" -> AzureDeveloperCliCredential.builder().options(CredentialOptions.builder().environment(env).clock(clock).executor(Runnable::run).build()).localZone(ZoneOffset.UTC).processRunner(runner).osName("Linux").processTimeout(Duration.ofSeconds(5)).build();
            default -> AzurePowerShellCredential.builder().options(CredentialOptions.builder().environment(env).clock(clock).executor(Runnable::run).build()).localZone(ZoneOffset.UTC).processRunner(runner).osName("Linux").processTimeout(Duration.ofSeconds(5)).build();
        };
    }

    @Test
    void devTools_anyOutput_validTokenOrDocumentedFailureWithoutSecrets() {
        Property.forAll(500, outputs(), o -> {
            MutableClock clock = MutableClock.at("2026-11-24T10:00:00Z");
            TokenCredential credential = credential(o, clock);
            ForeignOutcome.credential().assertToken(clock, List.of(o.secret()),
                    () -> credential.getToken(TokenRequestContext.of("https://management.azure.com/.default")));
        });
    }
}
