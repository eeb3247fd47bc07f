/**
 * The kernel's background JIT warm-up: sample cells compiled in a JShell of its own while the
 * kernel waits for the user's first cells, so that javac's code is nearer its JIT-compiled speed
 * when they come ({@link io.jynq.kernel.warmup.JitWarmup}).
 */
package io.jynq.kernel.warmup;
