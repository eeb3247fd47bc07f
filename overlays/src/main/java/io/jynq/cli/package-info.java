/**
 * The overlay layer's {@code ./jynq} subcommands (picocli), listed by
 * {@code io.jynq.kernel.cli.JynqMain}: {@code hwh}, {@code bit} and later the package and
 * device-operation commands. Each prints for a person by default and machine-readable output on
 * request, and turns bad input into one message and exit code 1, never a stack trace.
 *
 * <p>Must not import the magics or kernel modules (the layer above lists these commands).
 */
package io.jynq.cli;
