package io.jynq.magics;

import java.util.List;

/**
 * A cell magic: {@code %%name args} on the first line of a cell, the rest of the cell being its
 * body (e.g. C source for {@code %%c}).
 *
 * <p>Implementations are listed in {@code META-INF/services/io.jynq.magics.CellMagic}.
 */
public interface CellMagic extends Magic {

    /**
     * Runs the magic on the cell's thread.
     *
     * @param context what the magic may ask of the kernel
     * @param args the words after {@code %%name} on the first line
     * @param body the cell's remaining lines; line 1 of the body is line 2 of the cell
     * @return the cell's result, or null
     * @throws MagicUsageException if the arguments or the body are wrong
     */
    Object eval(MagicContext context, List<String> args, String body);
}
