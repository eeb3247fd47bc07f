/**
 * The Java side of {@code ./jynq} (picocli): {@link io.jynq.kernel.cli.JynqMain} and every
 * subcommand that runs in a JVM: {@code hwh}, {@code bit}, {@code core}, {@code d2l},
 * {@code overlays}, {@code install-kernel}, and {@code KernelMain}, the kernel's entry point.
 * The file commands print for a person by default and machine-readable output on request, and
 * turn bad input into one message and exit code 1, never a stack trace. The CLI lives in the
 * top module so that picocli stays out of the object model's jar.
 */
package io.jynq.kernel.cli;
