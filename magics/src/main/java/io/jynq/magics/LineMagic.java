package io.jynq.magics;

import java.util.List;

/**
 * A line magic, {@code %name arg1 arg2 ...}: one line of a cell. Arguments are split like a shell
 * splits them (quotes keep spaces).
 *
 * <p>Implementations are listed in {@code META-INF/services/io.jynq.magics.LineMagic} and need a
 * public no-argument constructor.
 */
public interface LineMagic extends Magic {

    /**
     * Runs the magic on the cell's thread (so it is interruptible and prints into the cell).
     *
     * @param context what the magic may ask of the kernel
     * @param args the words after the name
     * @return the value shown as the cell's result when the magic is its last line, or null
     * @throws MagicUsageException if the arguments are wrong, with what to type instead
     */
    Object eval(MagicContext context, List<String> args);
}
