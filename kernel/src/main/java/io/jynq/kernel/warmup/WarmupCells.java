package io.jynq.kernel.warmup;

import java.util.List;

/**
 * The sample cells the JIT warm-up compiles and runs: what notebook cells do in Java, not one
 * benchmark's cell. Declarations of variables, methods, a record and a class; expressions, some
 * of which are calls (JShell's own path) and some not (the evaluator's expression path); loops,
 * streams and lambdas; a default import taken on first use; a cell with a compile error and one
 * that throws, since users' cells fail too. None prints, touches the device or the overlay, or
 * waits: they run in the warm-up's own JShell, whose state is thrown away.
 */
final class WarmupCells {
    /** A cell and whether it is meant to fail (compile error or exception), which is then expected. */
    record Cell(String source, boolean fails) {
    }

    static final List<Cell> CELLS = List.of(
            ok("int n = 12;"),
            ok("n * 3 + 1"),
            ok("String name = \"axi_dma_\" + n;"),
            ok("name.length()"),
            ok("long[] samples = new long[64];\nfor (int i = 0; i < samples.length; i++) {\n    samples[i] = (long) i * i;\n}"),
            ok("Arrays.stream(samples).sum()"),
            ok("List<Integer> xs = IntStream.range(0, 32).boxed().collect(Collectors.toList());"),
            ok("xs.stream().filter(x -> x % 3 == 0).mapToInt(Integer::intValue).max().orElse(-1)"),
            ok("Map<String, Integer> regs = new LinkedHashMap<>();\nregs.put(\"CTRL\", 0x1);\nregs.put(\"STATUS\", 0x4);"),
            ok("regs"),
            ok("String.format(\"0x%08x\", regs.get(\"STATUS\"))"),
            ok("int scale(int v, int k) {\n    return v * k + (v >> 2);\n}"),
            ok("scale(n, 5)"),
            ok("record Sample(long t, double v) {\n    double twice() { return 2 * v; }\n}"),
            ok("var s = new Sample(3, 1.5);\ns.twice()"),
            ok("class Counter {\n    private int c;\n    int next() { return ++c; }\n}"),
            ok("Counter counter = new Counter();\ncounter.next();\ncounter.next()"),
            ok("double mean = xs.stream().mapToInt(Integer::intValue).average().orElse(0);\nmean / 2"),
            ok("Duration.ofMillis(250).toNanos()"),
            ok("int total = 0;\ntry {\n    total = Math.addExact(n, 7);\n} catch (ArithmeticException e) {\n    total = -1;\n}\ntotal"),
            ok("StringBuilder sb = new StringBuilder();\nfor (String k : regs.keySet()) sb.append(k).append(' ');\nsb.toString().trim()"),
            ok("AxiDma.class.getSimpleName()"),
            ok("Math.sqrt(2.0) * 10"),
            fails("int bad = undefinedName + 1;"),
            fails("Integer.parseInt(\"not a number\")"));

    private WarmupCells() {
    }

    private static Cell ok(String source) {
        return new Cell(source, false);
    }

    private static Cell fails(String source) {
        return new Cell(source, true);
    }
}
