package dev.azid.test.gen;

import java.util.SplittableRandom;

/**
 * Runs a property: draws {@code tries} values and checks each. The seed is fixed per test method
 * (derived from its class and name), so every run, on every machine, checks the same values and a
 * failure reproduces; {@code -Dazid.property.seed=N} runs another sequence, for a deeper search.
 * A failure names the try, the seed and the value.
 */
public final class Property {

    /** A check of one value. */
    @FunctionalInterface
    public interface Check<T> {
        /**
         * @param value the value
         * @throws Exception when the property does not hold
         */
        void check(T value) throws Exception;
    }

    private Property() {
    }

    /**
     * Checks a property over values drawn from a generator.
     *
     * @param tries how many values
     * @param gen the generator
     * @param check the check
     * @param <T> the values' type
     */
    public static <T> void forAll(int tries, Gen<T> gen, Check<? super T> check) {
        long seed = seed(caller());
        SplittableRandom random = new SplittableRandom(seed);
        for (int i = 1; i <= tries; i++) {
            T value = gen.next(random);
            try {
                check.check(value);
            } catch (Throwable t) {
                throw new AssertionError("property failed at try " + i + " of " + tries + " (seed " + seed
                        + "; rerun with -Dazid.property.seed=" + seed + ") for value: " + describe(value), t);
            }
        }
    }

    private static String caller() {
        return StackWalker.getInstance().walk(frames -> frames
                .filter(f -> !f.getClassName().equals(Property.class.getName()))
                .findFirst().map(f -> f.getClassName() + "#" + f.getMethodName()).orElse("unknown"));
    }

    private static long seed(String caller) {
        String configured = System.getProperty("azid.property.seed");
        if (configured != null && !configured.isBlank()) {
            return Long.parseLong(configured.trim());
        }
        long h = 1125899906842597L;
        for (char c : caller.toCharArray()) {
            h = 31 * h + c;
        }
        return h;
    }

    private static String describe(Object value) {
        String text = value instanceof byte[] b ? b.length + " bytes " + java.util.Arrays.toString(
                java.util.Arrays.copyOf(b, Math.min(b.length, 64))) : String.valueOf(value);
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < text.length() && sb.length() < 2000; i++) {
            char c = text.charAt(i);
            // Control characters and surrogates would garble the test report: show them escaped.
            sb.append(c >= ' ' && c < 0x7f ? String.valueOf(c) : String.format("\\u%04x", (int) c));
        }
        return sb.length() >= 2000 ? sb + "... (" + text.length() + " chars)" : sb.toString();
    }
}
