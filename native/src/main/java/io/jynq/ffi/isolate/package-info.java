/**
 * Running C functions in a helper process, so that a fault in user C code cannot take the JVM,
 * the Jupyter kernel and the user's variables down.
 *
 * <p><b>Design, and why.</b> A signal in C code that runs in the JVM (JNA) ends the JVM: there
 * is no safe way to recover from SIGSEGV in arbitrary native code inside a process whose heap and
 * threads it may have corrupted. So by default C functions run in {@code jynq_helper}, a small C
 * program (our own, built by gcc on first use like every cell, and cached) that {@code dlopen}s
 * the user's library and takes calls over a UNIX socket ({@link io.jynq.ffi.isolate.NativeHelper}).
 * <ul>
 *   <li><b>Zero copy.</b> A contiguous buffer is passed as a window of a file both processes map
 *       ({@link io.jynq.ffi.NativeMemory#fileWindow()}: the simulated board's {@code ddr.bin}),
 *       so C reads and writes the bytes the DMA sees. Arrays and Strings on the Java heap are
 *       copied through a scratch file.</li>
 *   <li><b>Guard pages.</b> Each buffer argument is mapped alone between two {@code PROT_NONE}
 *       pages, so an overrun past either end faults instead of writing into the neighbouring
 *       buffer. Buffers start on a page and own their pages whole (the simulator's allocator,
 *       like PYNQ's and XRT's), so a buffer's last page never holds a neighbour.</li>
 *   <li><b>Fault reports.</b> The helper's handlers for SIGSEGV, SIGBUS, SIGFPE, SIGABRT, SIGILL
 *       and SIGTRAP run on an alternate stack (so stack overflow is reported too) and send the
 *       signal, the faulting address and access, and the faulting code's offset in the user
 *       library; {@code addr2line} turns that into the function and C line, since every JYNQ build
 *       uses {@code -g}: {@code SIGSEGV in checksum (clib.c:7) reading 0x0}. {@code exit()} in C
 *       ends only the helper and is reported with its status.</li>
 *   <li><b>Restart.</b> A fault ends the helper; the next call starts a new one and reloads the
 *       libraries it needs. State kept in C globals is lost with it.</li>
 *   <li><b>Stop.</b> The caller waits on an interruptible channel; interrupting the calling thread
 *       (the notebook's stop button) kills the helper at once, whatever loop its C code is in.</li>
 *   <li><b>Calls.</b> Argument words pass through per-library trampolines gcc builds from the
 *       declarations ({@link io.jynq.ffi.isolate.CallShim}), so the board's own ABI applies
 *       without libffi.</li>
 * </ul>
 *
 * <p><b>Costs.</b> A call is a round trip between processes (a few microseconds; figures in the
 * bench module's {@code native} area) and calls through one helper are serialised. Pointer
 * results and JNA Pointer arguments mean nothing across processes and are refused. In-process
 * calls ({@link io.jynq.ffi.cheader.CLibrary#load}, {@code %%c NAME --in-process}, D2L's
 * {@code in_process} flag) cost what JNA costs and keep every old risk: a fault ends the JVM and
 * a C loop ignores the stop button.
 */
package io.jynq.ffi.isolate;
