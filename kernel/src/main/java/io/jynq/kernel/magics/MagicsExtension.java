package io.jynq.kernel.magics;

import io.jynq.config.InvalidSettingException;
import io.jynq.magics.CellMagic;
import io.jynq.magics.LineMagic;
import io.jynq.magics.Magic;
import io.jynq.magics.MagicUsageException;
import io.jynq.magics.Magics;
import java.util.List;
import java.util.concurrent.Callable;
import org.dflib.jjava.jupyter.Extension;
import org.dflib.jjava.jupyter.kernel.BaseKernel;
import org.dflib.jjava.jupyter.kernel.magic.MagicsRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Installs the magics module into the kernel (a jjava {@link Extension}, loaded once per session
 * after JShell is up): registers each magic found by {@link Magics}. (Renderers live in
 * {@code io.jynq.render.Renderers}; the kernel installs itself as the display sink.)
 *
 * <p>Every magic answers {@code --help} with its usage (what {@code %help NAME} prints). A
 * {@link MagicUsageException} becomes a one-line {@link MagicException}; any other failure of a magic
 * too, prefixed with the magic's name and the exception's simple class name, its stack trace
 * going to the kernel's log instead of the cell.
 */
public final class MagicsExtension implements Extension {
    private static final Logger LOG = LoggerFactory.getLogger(MagicsExtension.class);

    @Override
    public void install(BaseKernel kernel) {
        KernelMagicContext ctx = new KernelMagicContext(kernel);
        MagicsRegistry registry = kernel.getMagicsRegistry();
        for (LineMagic m : Magics.lineMagics()) {
            registry.registerLineMagic(m.name(),
                    (org.dflib.jjava.jupyter.kernel.magic.LineMagic<Object, BaseKernel>) (k, args) ->
                            run(m, args, () -> m.eval(ctx, args)));
        }
        for (CellMagic m : Magics.cellMagics()) {
            registry.registerCellMagic(m.name(),
                    (org.dflib.jjava.jupyter.kernel.magic.CellMagic<Object, BaseKernel>) (k, args, body) ->
                            run(m, args, () -> m.eval(ctx, args, body)));
        }
    }

    /** Runs a magic, answering {@code --help} and turning failures into one line. */
    static Object run(Magic m, List<String> args, Callable<Object> body) {
        if (args.size() == 1 && (args.get(0).equals("--help") || args.get(0).equals("-h"))) {
            System.out.println(Magics.helpText(m));
            return null;
        }
        try {
            return body.call();
        } catch (MagicUsageException | InvalidSettingException e) {
            throw new MagicException(e.getMessage());
        } catch (IllegalArgumentException e) {
            // bad input reaching the object model (a value out of range, a name it does not know)
            throw new MagicException(e.getMessage() + " (usage: " + m.usage() + ")");
        } catch (Exception e) {
            LOG.warn("%{} failed", m.name(), e);
            throw new MagicException("%" + m.name() + " failed: " + e.getClass().getSimpleName() + ": " + e.getMessage());
        }
    }
}
