package dev.azid.internal.process;

import dev.azid.internal.util.Waits;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * {@link ProcessRunner} on {@link ProcessBuilder}: argv only, standard input closed at once (so a
 * tool that prompts gets end-of-file instead of hanging), both output streams drained concurrently
 * (so a chatty child cannot deadlock on a full pipe) and capped, and the whole process tree killed
 * at the timeout.
 */
final class SystemProcessRunner implements ProcessRunner {

    /** The most output kept per stream; the rest is read and dropped. */
    static final int MAX_OUTPUT = 1024 * 1024;

    @Override
    public ProcessResult run(List<String> argv, Map<String, String> extraEnvironment, Path workingDirectory,
            Duration timeout) throws IOException {
        ProcessBuilder builder = new ProcessBuilder(argv).directory(workingDirectory.toFile());
        builder.environment().putAll(extraEnvironment);
        Process process = builder.start();
        process.getOutputStream().close();
        CompletableFuture<String> out = drain(process.getInputStream(), "stdout");
        CompletableFuture<String> err = drain(process.getErrorStream(), "stderr");
        boolean finished;
        try {
            finished = process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            kill(process);
            throw Waits.interruptedIo("interrupted while waiting for " + argv.get(0), e);
        }
        if (!finished) {
            kill(process);
        }
        String stdout = collect(out);
        String stderr = collect(err);
        return new ProcessResult(finished ? process.exitValue() : -1, stdout, stderr, !finished);
    }

    private static void kill(Process process) {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
    }

    private static CompletableFuture<String> drain(InputStream in, String name) {
        CompletableFuture<String> result = new CompletableFuture<>();
        Thread t = new Thread(() -> {
            ByteArrayOutputStream kept = new ByteArrayOutputStream();
            byte[] buffer = new byte[8192];
            try (in) {
                int n;
                while ((n = in.read(buffer)) != -1) {
                    int room = MAX_OUTPUT - kept.size();
                    if (room > 0) {
                        kept.write(buffer, 0, Math.min(n, room));
                    }
                }
            } catch (IOException e) {
                // The process was killed or closed its stream: keep what was read.
            }
            result.complete(kept.toString(StandardCharsets.UTF_8));
        }, "azid-process-" + name);
        t.setDaemon(true);
        t.start();
        return result;
    }

    private static String collect(CompletableFuture<String> stream) {
        try {
            // Killed processes close their pipes at once; a grandchild that keeps one open is not waited for.
            return stream.get(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "";
        } catch (ExecutionException | TimeoutException e) {
            return "";
        }
    }
}
