package dev.azid.test.gen;

import java.util.SplittableRandom;

/**
 * A generator of collections whose size is drawn between bounds; the bounds themselves are drawn
 * more often than the rest, since edge sizes find the most bugs.
 *
 * @param <C> the collection type
 */
public final class Sized<C> implements Gen<C> {

    /** Builds a collection of a given size. */
    @FunctionalInterface
    public interface Builder<C> {
        /**
         * @param random the random source
         * @param size the size to build
         * @return the collection
         */
        C build(SplittableRandom random, int size);
    }

    private final int min;
    private final int max;
    private final Builder<C> builder;

    Sized(int min, int max, Builder<C> builder) {
        if (min < 0 || max < min) {
            throw new IllegalArgumentException("sizes " + min + ".." + max);
        }
        this.min = min;
        this.max = max;
        this.builder = builder;
    }

    /** @return the same generator with a minimum size */
    public Sized<C> ofMinSize(int value) {
        return new Sized<>(value, Math.max(value, max), builder);
    }

    /** @return the same generator with a maximum size */
    public Sized<C> ofMaxSize(int value) {
        return new Sized<>(Math.min(min, value), value, builder);
    }

    /** @return the same generator with one size */
    public Sized<C> ofSize(int value) {
        return new Sized<>(value, value, builder);
    }

    @Override
    public C next(SplittableRandom random) {
        return builder.build(random, Gens.size(random, min, max));
    }
}
