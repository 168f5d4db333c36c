package dev.azid.emulator;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Starts one {@link EntraEmulator} for a JUnit 5 test class, closes it after the class, clears its
 * faults before each test, and injects it (or its {@link EmulatorConfig}) into constructors and
 * lifecycle and test methods.
 *
 * <pre>{@code
 * @AzidEmulator
 * class MyTest {
 *     @Test void works(EntraEmulator emulator) { ... }
 * }
 * }</pre>
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
@ExtendWith(EntraEmulatorExtension.class)
public @interface AzidEmulator {

    /**
     * A classpath resource holding a JSON configuration; empty for the defaults.
     *
     * @return the resource name
     */
    String config() default "";

    /**
     * Whether to run transparent mode ({@link EntraEmulatorBuilder#proxy(boolean)}): on by default, as it costs
     * only an idle listener and a proxy port; clients use it only when given {@link EmulatorEndpoints#proxyUrl()}.
     *
     * @return whether the proxy runs
     */
    boolean proxy() default true;
}
