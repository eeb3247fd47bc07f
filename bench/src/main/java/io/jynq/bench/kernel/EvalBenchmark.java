package io.jynq.bench.kernel;

import io.jynq.kernel.eval.JShellEvaluator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The evaluator alone, without the wire: JShell compiling and running {@code 1+1} in this JVM,
 * and a cell of three snippets. The difference to the client-measured execute round trip
 * ({@code kernel_bench.py}) is the protocol's share. Kept short (it compiles Java each call).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 3, time = 3)
@Fork(1)
public class EvalBenchmark {
    private JShellEvaluator evaluator;

    @Setup
    public void start() {
        evaluator = new JShellEvaluator(null, List.of());
        evaluator.eval("int x = 1;");
    }

    @TearDown
    public void stop() {
        evaluator.close();
    }

    @Benchmark
    public Object onePlusOne() {
        return evaluator.eval("1+1");
    }

    @Benchmark
    public Object threeSnippetCell() {
        return evaluator.eval("int a = x + 1;\nint b = a * 2;\na + b");
    }
}
