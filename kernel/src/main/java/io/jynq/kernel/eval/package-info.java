/**
 * The JShell evaluator: Java cells run in the kernel's own JVM on a {@code LocalExecutionControl},
 * so snippets, magics and the kernel share one heap (an overlay a magic loads is the object the
 * next cell sees). Cells are split into snippets with {@code SourceCodeAnalysis}; compile errors
 * carry line, column and caret; runtime errors the snippet's stack trace without the kernel's
 * frames; interrupt and the {@code JYNQ_TIMEOUT} watchdog both go through
 * {@link io.jynq.kernel.eval.JShellEvaluator#stop(String)}.
 *
 * <p>Must not import {@code io.jynq.kernel.wire} or jjava-jupyter: the evaluator knows nothing of
 * Jupyter, which keeps it testable without sockets and reusable by {@code ./jynq shell}.
 */
package io.jynq.kernel.eval;
