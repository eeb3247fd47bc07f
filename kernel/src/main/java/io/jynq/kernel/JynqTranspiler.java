package io.jynq.kernel;

import io.jynq.kernel.eval.JShellEvaluator;
import java.util.List;
import org.dflib.jjava.jupyter.kernel.magic.CellMagicArgs;
import org.dflib.jjava.jupyter.kernel.magic.LineMagicArgs;
import org.dflib.jjava.jupyter.kernel.magic.MagicTranspiler;
import org.dflib.jjava.jupyter.kernel.magic.ParsedCellMagic;
import org.dflib.jjava.jupyter.kernel.magic.ParsedLineMagic;

/**
 * jjava's magic-to-Java rewriting without the trailing {@code {};} that throws a magic's return
 * value away (jjava issue #110, fixed after 1.0-a6), calling {@link io.jynq.kernel.magics.MagicCalls}
 * instead of jjava's statics, which wrap a magic's exception in one of their own: {@code %foo} as the last line of a cell
 * becomes the cell's result, so a magic can return a chart or a table and have it rendered.
 * A magic returning null shows nothing ({@link JynqKernel} drops null results of magic calls).
 *
 * <p>A magic's arguments end at a Java line comment: {@code %overlay load dsp_loopback // the
 * bundled example} passes {@code load dsp_loopback}, as a reader of the cell expects.
 */
final class JynqTranspiler extends MagicTranspiler {
    /** jjava's magic call, which wraps every exception; replaced by {@link #CALL_PREFIX}. */
    private static final String JJAVA_PREFIX = "org.dflib.jjava.jupyter.kernel.BaseNotebookStatics.";
    /** What a magic line becomes: a call of {@link io.jynq.kernel.magics.MagicCalls}. */
    static final String CALL_PREFIX = JShellEvaluator.MAGIC_CALL_PREFIX;

    @Override
    public String transpileCell(ParsedCellMagic magic) {
        CellMagicArgs call = magic.magicCall;
        return strip(super.transpileCell(new ParsedCellMagic(
                new CellMagicArgs(call.name, withoutComment(call.args), call.body), magic.rawArgsLine, magic.rawCell)));
    }

    @Override
    public String transpileLine(ParsedLineMagic magic) {
        LineMagicArgs call = magic.magicCall;
        return strip(super.transpileLine(new ParsedLineMagic(new LineMagicArgs(call.name, withoutComment(call.args)),
                magic.raw, magic.rawCell, magic.linePrefix)));
    }

    /** The arguments before the first one that starts a {@code //} comment. */
    static List<String> withoutComment(List<String> args) {
        for (int i = 0; i < args.size(); i++) {
            if (args.get(i).startsWith("//")) {
                return List.copyOf(args.subList(0, i));
            }
        }
        return args;
    }

    private static String strip(String java) {
        String call = java.replace(JJAVA_PREFIX, CALL_PREFIX);
        return call.endsWith(";{};") ? call.substring(0, call.length() - 3) : call;
    }
}
