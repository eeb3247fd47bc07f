/**
 * The kernels' input history, answering Jupyter's {@code history_request}, kept across kernel
 * restarts in {@code ~/.jynq/history.jsonl} ({@code JYNQ_HISTORY}). Depends on
 * jjava-jupyter's history types only; must not import the evaluator or display packages.
 */
package io.jynq.kernel.history;
