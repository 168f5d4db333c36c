package dev.azid.test.gen;

import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/** Factories of the basic generators; combine them with {@link Gen}'s methods and {@link #combine}. */
public final class Gens {

    private Gens() {
    }

    /** @return always this value */
    public static <T> Gen<T> just(T value) {
        return r -> value;
    }

    /** @return one of these values, uniformly */
    @SafeVarargs
    public static <T> Gen<T> of(T... values) {
        return of(Arrays.asList(values));
    }

    /** @return one of these values, uniformly */
    public static <T> Gen<T> of(List<T> values) {
        if (values.isEmpty()) {
            throw new IllegalArgumentException("no values to choose from");
        }
        List<T> copy = new java.util.ArrayList<>(values);
        return r -> copy.get(r.nextInt(copy.size()));
    }

    /** @return a value from one of these generators, chosen uniformly */
    @SafeVarargs
    public static <T> Gen<T> oneOf(Gen<? extends T>... gens) {
        List<Gen<? extends T>> copy = List.of(gens);
        return r -> copy.get(r.nextInt(copy.size())).next(r);
    }

    /** @return a generator and its weight, for {@link #frequencyOf} */
    public static <T> Weighted<T> weighted(int weight, Gen<? extends T> gen) {
        return new Weighted<>(weight, gen);
    }

    /** @return a value from one of these generators, chosen in proportion to the weights */
    @SafeVarargs
    public static <T> Gen<T> frequencyOf(Weighted<? extends T>... choices) {
        List<Weighted<? extends T>> copy = List.of(choices);
        int total = copy.stream().mapToInt(Weighted::weight).sum();
        return r -> {
            int pick = r.nextInt(total);
            for (Weighted<? extends T> w : copy) {
                pick -= w.weight();
                if (pick < 0) {
                    return w.gen().next(r);
                }
            }
            throw new AssertionError("unreachable");
        };
    }

    /** @return ints in {@code [min, max]}, the bounds and zero more often */
    public static Gen<Integer> integers(int min, int max) {
        return longs(min, max).map(Long::intValue);
    }

    /** @return longs in {@code [min, max]}, the bounds and zero more often */
    public static Gen<Long> longs(long min, long max) {
        if (max < min) {
            throw new IllegalArgumentException(min + " > " + max);
        }
        return r -> {
            int edge = r.nextInt(20);
            if (edge == 0) {
                return min;
            }
            if (edge == 1) {
                return max;
            }
            if (edge == 2 && min <= 0 && max >= 0) {
                return 0L;
            }
            return max - min == Long.MAX_VALUE || max - min < 0 ? r.nextLong() : min + r.nextLong(max - min + 1);
        };
    }

    /** @return any long, the extremes and zero more often */
    public static Gen<Long> longs() {
        return longs(Long.MIN_VALUE, Long.MAX_VALUE);
    }

    /** @return finite doubles of every magnitude */
    public static Gen<Double> doubles() {
        return r -> {
            double v = Double.longBitsToDouble(r.nextLong());
            return Double.isFinite(v) ? v : r.nextDouble() * 1e6 - 5e5;
        };
    }

    /** @return any byte */
    public static Gen<Byte> bytes() {
        return r -> (byte) r.nextInt(256);
    }

    /** @return byte arrays (0 to 255 long unless sized) */
    public static Sized<byte[]> byteArrays() {
        return new Sized<>(0, 255, (r, n) -> {
            byte[] out = new byte[n];
            r.nextBytes(out);
            return out;
        });
    }

    /** @return strings of any characters, 0 to 255 long; narrow with the builder's methods */
    public static StringGen strings() {
        return StringGen.DEFAULT;
    }

    /** @return a builder combining these generators' values */
    public static <A, B> Combine.Two<A, B> combine(Gen<A> a, Gen<B> b) {
        return new Combine.Two<>(a, b);
    }

    /** @return a builder combining these generators' values */
    public static <A, B, C> Combine.Three<A, B, C> combine(Gen<A> a, Gen<B> b, Gen<C> c) {
        return new Combine.Three<>(a, b, c);
    }

    /** @return a builder combining these generators' values */
    public static <A, B, C, D> Combine.Four<A, B, C, D> combine(Gen<A> a, Gen<B> b, Gen<C> c, Gen<D> d) {
        return new Combine.Four<>(a, b, c, d);
    }

    /** @return a builder combining these generators' values */
    public static <A, B, C, D, E> Combine.Five<A, B, C, D, E> combine(Gen<A> a, Gen<B> b, Gen<C> c, Gen<D> d, Gen<E> e) {
        return new Combine.Five<>(a, b, c, d, e);
    }

    /** A size in {@code [min, max]}: each bound a tenth of the time, else uniform. */
    static int size(SplittableRandom r, int min, int max) {
        int edge = r.nextInt(10);
        if (edge == 0 || min == max) {
            return min;
        }
        if (edge == 1) {
            return max;
        }
        return min + r.nextInt(max - min + 1);
    }

    /**
     * A generator with its weight.
     *
     * @param weight how often it is chosen, relative to the others
     * @param gen the generator
     * @param <T> the values' type
     */
    public record Weighted<T>(int weight, Gen<? extends T> gen) {
    }
}
