/**
 * The session's input history, answering Jupyter's {@code history_request}. Depends on
 * jjava-jupyter's history types only; must not import the evaluator or display packages.
 */
package io.jynq.kernel.history;
