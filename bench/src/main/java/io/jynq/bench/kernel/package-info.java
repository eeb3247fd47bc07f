/**
 * Kernel benchmarks: {@link io.jynq.bench.kernel.EvalBenchmark} (JMH, the JShell evaluator in
 * process) and {@code kernel_bench.py} (round trips through Debian's jupyter_client: cold start,
 * kernel_info, execute, interrupt), both run by {@code ./jynq bench kernel}.
 */
package io.jynq.bench.kernel;
