/**
 * The Jupyter kernelspec: {@code kernel.json} (absolute java path, the class path, the kernel
 * main class, {@code interrupt_mode: message}) and its logos, written where Jupyter looks:
 * {@code --user} (~/.local/share/jupyter/kernels), {@code --sys-prefix}
 * (/usr/share/jupyter/kernels, Debian's Jupyter), {@code --prefix P} (P/share/jupyter/kernels).
 *
 * <p>Must not import {@code io.jynq.kernel.wire} or {@code io.jynq.kernel.eval}.
 */
package io.jynq.kernel.install;
