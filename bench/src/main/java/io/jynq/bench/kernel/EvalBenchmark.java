package io.jynq.bench.kernel;

import io.jynq.bench.plot.CpuTime;
import io.jynq.kernel.Startup;
import io.jynq.kernel.eval.DefaultImports;
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
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The evaluator alone, without the wire: JShell compiling and running {@code 1+1} in this JVM, a
 * void call, and a cell of three snippets, in a session started as the kernel starts one. The difference to
 * the client-measured execute round trip ({@code kernel_bench.py}) is the protocol's share. Kept
 * short (it compiles Java each call). {@code imports}: {@code by-name} is the kernel's default
 * ({@link DefaultImports}), {@code on-demand} the {@code import PKG.*;} lines it replaced. Each
 * also prints its thread CPU time ({@link CpuTime}), which the machine's load inflates less.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 3, time = 3)
@Fork(1)
public class EvalBenchmark {
    @Param({"by-name", "on-demand"})
    public String imports;

    private JShellEvaluator evaluator;

    @Setup
    public void start() {
        ClassLoader loader = EvalBenchmark.class.getClassLoader();
        evaluator = new JShellEvaluator(null, List.of());
        String startup;
        if (imports.equals("by-name")) {
            evaluator.useDefaultImports(new DefaultImports(loader, Startup.defaultPackages(loader)));
            startup = Startup.eagerImports(loader);
        } else {
            startup = Startup.imports(loader);
        }
        for (String line : startup.split("\n")) {
            evaluator.eval(line, null);
        }
        // names a notebook has used by then
        evaluator.eval("int x = 1; List<Integer> xs = new ArrayList<>(); Map<String, Duration> m = new HashMap<>();");
    }

    @TearDown
    public void stop() {
        evaluator.close();
    }

    @Benchmark
    public Object onePlusOne(CpuTime cpu) {
        return timed(cpu, "1+1");
    }

    /** A void call, the other common cell ({@code println(x)}): it has no value. */
    @Benchmark
    public Object voidCall(CpuTime cpu) {
        return timed(cpu, "System.out.print(\"\")");
    }

    @Benchmark
    public Object threeSnippetCell(CpuTime cpu) {
        return timed(cpu, "int a = x + 1;\nint b = a * 2;\na + b");
    }

    private Object timed(CpuTime cpu, String cell) {
        long t = cpu.start();
        Object v = evaluator.eval(cell);
        cpu.stop(t);
        return v;
    }
}
