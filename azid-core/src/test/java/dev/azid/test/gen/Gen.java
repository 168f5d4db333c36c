package dev.azid.test.gen;

import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * A generator of random test values, for the property and fuzz tests: a function of a seeded
 * random source, so that a run is reproducible from its seed (see {@link Property}).
 *
 * @param <T> the values' type
 */
@FunctionalInterface
public interface Gen<T> {

    /**
     * Draws a value.
     *
     * @param random the random source
     * @return the value
     */
    T next(SplittableRandom random);

    /** @return a generator of the function's results */
    default <R> Gen<R> map(Function<? super T, ? extends R> f) {
        return r -> f.apply(next(r));
    }

    /** @return a generator that draws a value, then draws from the generator it chooses */
    default <R> Gen<R> flatMap(Function<? super T, ? extends Gen<R>> f) {
        return r -> f.apply(next(r)).next(r);
    }

    /** @return a generator of the values that pass the test (it gives up after 10,000 misses) */
    default Gen<T> filter(Predicate<? super T> keep) {
        return r -> {
            for (int i = 0; i < 10_000; i++) {
                T v = next(r);
                if (keep.test(v)) {
                    return v;
                }
            }
            throw new IllegalStateException("filter rejected 10,000 values in a row");
        };
    }

    /** @return a generator that yields {@code null} with the given probability */
    default Gen<T> injectNull(double probability) {
        return r -> r.nextDouble() < probability ? null : next(r);
    }

    /** @return a generator of lists of these values (0 to 10 long unless sized) */
    default Sized<List<T>> list() {
        return new Sized<>(0, 10, (r, n) -> {
            List<T> out = new java.util.ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                out.add(next(r));
            }
            return List.copyOf(out);
        });
    }

    /** @return a generator of sets of these values (up to the size drawn; duplicates collapse) */
    default Sized<Set<T>> set() {
        return new Sized<>(0, 10, (r, n) -> {
            Set<T> out = new java.util.LinkedHashSet<>();
            for (int i = 0; i < n; i++) {
                out.add(next(r));
            }
            return java.util.Collections.unmodifiableSet(out);
        });
    }
}
