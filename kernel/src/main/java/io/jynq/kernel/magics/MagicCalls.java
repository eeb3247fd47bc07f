package io.jynq.kernel.magics;

import java.util.List;
import org.dflib.jjava.jupyter.kernel.BaseKernel;

/**
 * What a magic line in a cell compiles to: {@code %ip axi_dma_0} becomes
 * {@code io.jynq.kernel.magics.MagicCalls.lineMagic("ip", List.of("axi_dma_0"))}. jjava's own
 * {@code BaseNotebookStatics.lineMagic} wraps every exception in a RuntimeException with its own
 * frames; these let an unchecked exception (a {@link MagicException}, a device error) through
 * as it is, so the cell shows its one line and {@code catch (MagicException e)} works.
 */
public final class MagicCalls {
    private MagicCalls() {
    }

    /** Runs line magic {@code name} of the running kernel; its result is the expression's value. */
    @SuppressWarnings("unchecked")
    public static <T> T lineMagic(String name, List<String> args) {
        BaseKernel kernel = BaseKernel.notebookKernel();
        try {
            return (T) kernel.getMagicsRegistry().evalLineMagic(kernel, name, args);
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new MagicException("%" + name + " failed: " + e);
        }
    }

    /** Runs cell magic {@code name} of the running kernel on {@code body}. */
    @SuppressWarnings("unchecked")
    public static <T> T cellMagic(String name, List<String> args, String body) {
        BaseKernel kernel = BaseKernel.notebookKernel();
        try {
            return (T) kernel.getMagicsRegistry().evalCellMagic(kernel, name, args, body);
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new MagicException("%%" + name + " failed: " + e);
        }
    }
}
