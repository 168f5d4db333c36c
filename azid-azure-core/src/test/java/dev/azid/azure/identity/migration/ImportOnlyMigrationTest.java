package dev.azid.azure.identity.migration;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Proves "only the import changed": the corpus' sources, with each {@code import dev.azid.azure.identity.}
 * line turned back into {@code import com.azure.identity.}, compile against azure-identity 1.19.0,
 * and, as they are, against azid; nothing but their imports and package names either library.
 */
class ImportOnlyMigrationTest {

    private static final String OURS = "import dev.azid.azure.identity.";
    private static final String REFERENCE = "import com.azure.identity.";
    private static final Path CORPUS = Path.of("src/test/java/dev/azid/azure/identity/migration");

    @TempDir
    Path dir;

    private static List<Path> corpus() throws IOException {
        try (Stream<Path> files = Files.list(CORPUS)) {
            return files.filter(p -> p.getFileName().toString().endsWith("Sample.java")).sorted().toList();
        }
    }

    @Test
    void corpus_namesOnlyTheCompatibilityPackage_throughImports() throws IOException {
        List<Path> samples = corpus();
        assertThat(samples).hasSizeGreaterThanOrEqualTo(12);
        for (Path sample : samples) {
            String source = Files.readString(sample);
            assertThat(source).as(sample + " imports the compatibility package").contains(OURS);
            String withoutImports = source.lines().filter(l -> !l.startsWith("import ") && !l.startsWith("package ")).reduce("", String::concat);
            assertThat(withoutImports).as(sample + " names no library outside its imports")
                    .doesNotContain("dev.azid").doesNotContain("com.azure.identity");
        }
    }

    @Test
    void corpus_withTheReferenceImports_compilesAgainstAzureIdentity() throws IOException {
        List<Path> sources = new ArrayList<>();
        for (Path sample : corpus()) {
            String rewritten = Files.readString(sample).replace(OURS, REFERENCE);
            assertThat(rewritten.lines().filter(l -> l.startsWith("import dev.azid"))).isEmpty();
            sources.add(Files.writeString(dir.resolve(sample.getFileName()), rewritten));
        }
        sources.add(CORPUS.resolve("Sandbox.java"));
        assertThat(compile(sources, dir.resolve("reference-classes"))).isEmpty();
        assertThat(dir.resolve("reference-classes/dev/azid/azure/identity/migration/DefaultAzureCredentialSample.class"))
                .isRegularFile();
    }

    @Test
    void corpus_asWritten_compilesAgainstAzid() throws IOException {
        List<Path> sources = new ArrayList<>(corpus());
        sources.add(CORPUS.resolve("Sandbox.java"));
        assertThat(compile(sources, dir.resolve("azid-classes"))).isEmpty();
    }

    /** Compiles against the test class path, minus this module's own test classes; returns the errors. */
    private static List<String> compile(List<Path> sources, Path out) throws IOException {
        Files.createDirectories(out);
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
        String classPath = Stream.of(System.getProperty("java.class.path").split(File.pathSeparator))
                .filter(entry -> !Path.of(entry).toAbsolutePath().endsWith(Path.of("azid-azure-core/target/test-classes")))
                .reduce((a, b) -> a + File.pathSeparator + b).orElseThrow();
        try (StandardJavaFileManager files = javac.getStandardFileManager(diagnostics, Locale.ROOT, null)) {
            Boolean ok = javac.getTask(null, files, diagnostics, List.of("--release", "17", "-proc:none", "-classpath",
                    classPath, "-d", out.toString()), null, files.getJavaFileObjectsFromPaths(sources)).call();
            List<String> errors = diagnostics.getDiagnostics().stream().filter(d -> d.getKind() == Diagnostic.Kind.ERROR)
                    .map(d -> d.getSource().getName() + ":" + d.getLineNumber() + ": " + d.getMessage(Locale.ROOT)).toList();
            assertThat(ok || !errors.isEmpty()).as("a failed compilation reports an error").isTrue();
            return errors;
        }
    }
}
