package dev.azid.emulator;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/** The JUnit 5 extension behind {@link AzidEmulator}. */
public final class EntraEmulatorExtension implements ParameterResolver, BeforeEachCallback {

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(EntraEmulatorExtension.class);

    /** Creates the extension (JUnit does). */
    public EntraEmulatorExtension() {
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        Class<?> type = parameter.getParameter().getType();
        return type == EntraEmulator.class || type == EmulatorConfig.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        EntraEmulator emulator = emulator(context);
        return parameter.getParameter().getType() == EmulatorConfig.class ? emulator.config() : emulator;
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        emulator(context).faults().clear();
    }

    private static EntraEmulator emulator(ExtensionContext context) {
        Class<?> testClass = context.getRequiredTestClass();
        ExtensionContext classContext = context;
        while (classContext.getParent().isPresent() && classContext.getTestMethod().isPresent()) {
            classContext = classContext.getParent().get();
        }
        return classContext.getStore(NAMESPACE).getOrComputeIfAbsent(testClass, c -> new Holder(start(testClass)),
                Holder.class).emulator;
    }

    private static EntraEmulator start(Class<?> testClass) {
        AzidEmulator annotation = testClass.getAnnotation(AzidEmulator.class);
        EntraEmulatorBuilder builder = EntraEmulator.builder().proxy(annotation == null || annotation.proxy());
        if (annotation != null && !annotation.config().isEmpty()) {
            try (InputStream in = testClass.getClassLoader().getResourceAsStream(annotation.config())) {
                if (in == null) {
                    throw new IllegalArgumentException("@AzidEmulator config resource not found: " + annotation.config());
                }
                builder.config(EmulatorConfig.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8)));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return builder.start();
    }

    /** Closes the emulator when JUnit closes the class's store. */
    private static final class Holder implements ExtensionContext.Store.CloseableResource {
        final EntraEmulator emulator;

        Holder(EntraEmulator emulator) {
            this.emulator = emulator;
        }

        @Override
        public void close() {
            emulator.close();
        }
    }
}
