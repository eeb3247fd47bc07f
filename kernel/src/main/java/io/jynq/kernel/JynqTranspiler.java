package io.jynq.kernel;

import io.jynq.kernel.eval.JShellEvaluator;
import org.dflib.jjava.jupyter.kernel.magic.MagicTranspiler;
import org.dflib.jjava.jupyter.kernel.magic.ParsedCellMagic;
import org.dflib.jjava.jupyter.kernel.magic.ParsedLineMagic;

/**
 * jjava's magic-to-Java rewriting without the trailing {@code {};} that throws a magic's return
 * value away (jjava issue #110, fixed after 1.0-a6): {@code %foo} as the last line of a cell
 * becomes the cell's result, so a magic can return a chart or a table and have it rendered.
 * A magic returning null shows nothing ({@link JynqKernel} drops null results of magic calls).
 */
final class JynqTranspiler extends MagicTranspiler {
    static final String CALL_PREFIX = JShellEvaluator.MAGIC_CALL_PREFIX;

    @Override
    public String transpileCell(ParsedCellMagic magic) {
        return strip(super.transpileCell(magic));
    }

    @Override
    public String transpileLine(ParsedLineMagic magic) {
        return strip(super.transpileLine(magic));
    }

    private static String strip(String java) {
        return java.endsWith(";{};") ? java.substring(0, java.length() - 3) : java;
    }
}
