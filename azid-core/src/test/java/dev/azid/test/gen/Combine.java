package dev.azid.test.gen;

import java.util.function.BiFunction;

/** Builders that combine the values of several generators into one. */
public final class Combine {

    private Combine() {
    }

    /** A function of three values. */
    @FunctionalInterface
    public interface F3<A, B, C, R> {
        /** @return the result */
        R apply(A a, B b, C c);
    }

    /** A function of four values. */
    @FunctionalInterface
    public interface F4<A, B, C, D, R> {
        /** @return the result */
        R apply(A a, B b, C c, D d);
    }

    /** A function of five values. */
    @FunctionalInterface
    public interface F5<A, B, C, D, E, R> {
        /** @return the result */
        R apply(A a, B b, C c, D d, E e);
    }

    /** Two generators. */
    public record Two<A, B>(Gen<A> a, Gen<B> b) {
        /** @return a generator of the combined values */
        public <R> Gen<R> as(BiFunction<? super A, ? super B, ? extends R> f) {
            return r -> f.apply(a.next(r), b.next(r));
        }

        /** @return a generator drawing from the generator the values choose */
        public <R> Gen<R> flatAs(BiFunction<? super A, ? super B, ? extends Gen<R>> f) {
            return r -> f.apply(a.next(r), b.next(r)).next(r);
        }
    }

    /** Three generators. */
    public record Three<A, B, C>(Gen<A> a, Gen<B> b, Gen<C> c) {
        /** @return a generator of the combined values */
        public <R> Gen<R> as(F3<? super A, ? super B, ? super C, ? extends R> f) {
            return r -> f.apply(a.next(r), b.next(r), c.next(r));
        }
    }

    /** Four generators. */
    public record Four<A, B, C, D>(Gen<A> a, Gen<B> b, Gen<C> c, Gen<D> d) {
        /** @return a generator of the combined values */
        public <R> Gen<R> as(F4<? super A, ? super B, ? super C, ? super D, ? extends R> f) {
            return r -> f.apply(a.next(r), b.next(r), c.next(r), d.next(r));
        }
    }

    /** Five generators. */
    public record Five<A, B, C, D, E>(Gen<A> a, Gen<B> b, Gen<C> c, Gen<D> d, Gen<E> e) {
        /** @return a generator of the combined values */
        public <R> Gen<R> as(F5<? super A, ? super B, ? super C, ? super D, ? super E, ? extends R> f) {
            return r -> f.apply(a.next(r), b.next(r), c.next(r), d.next(r), e.next(r));
        }
    }
}
