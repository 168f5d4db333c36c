package dev.azid.benchmarks;

import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The JMH settings every in-process benchmark of this module shares, so that azid's and azure-identity's
 * numbers are taken alike: one state per benchmark, average time in nanoseconds, 3 warm-up and 5
 * measured iterations of 1 s, one fork (scripts/run-benchmarks.sh may override them on the command line
 * for all at once). JMH's annotations are inherited, so a benchmark extends this class and declares only
 * its state and methods; nothing here runs, in a measured call or elsewhere.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
abstract class InProcessBenchmark {

    InProcessBenchmark() {
    }
}
