package io.jynq.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jynq.kernel.eval.JShellEvaluator;
import java.util.ArrayList;
import java.util.List;
import org.dflib.jjava.jupyter.kernel.BaseKernel;
import io.jynq.render.Renderers;
import org.dflib.jjava.jupyter.kernel.display.DisplayData;
import org.dflib.jjava.jupyter.kernel.display.mime.MIMEType;
import org.dflib.jjava.jupyter.kernel.magic.CellMagic;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The session and the extension point, without sockets. */
class JynqKernelTest {
    private static JynqKernel kernel;

    @BeforeAll
    static void start() {
        kernel = new JynqKernel(null, List.of(), io.jynq.kernel.history.SessionHistory.inMemory());
        kernel.startSession();
        kernel.awaitSession();
    }

    @AfterAll
    static void stop() {
        kernel.onShutdown(false);
    }

    @Test
    void extensionsLoadAfterTheSessionExistsAndCanRunCode() {
        assertEquals(1, kernel.evalRaw("fromExtension"));
        assertTrue(kernel.getMagicsRegistry().getLineMagicNames().containsAll(List.of("defx", "lsmagic", "help", "time")));
    }

    @Test
    void aMagicDefinesAVariableTheNextLineOfTheSameCellUses() {
        assertEquals(42, kernel.evalRaw("%defx 41\nfromMagic + fromExtension"));
    }

    @Test
    void aMagicIgnoresATrailingLineComment() {
        assertEquals(43, kernel.evalRaw("%defx 42 // the answer, plus one below\nfromMagic + fromExtension"));
        assertEquals(8, kernel.evalRaw("%defx 7 //no space\nfromMagic + fromExtension"));
    }

    @Test
    void aMagicReturningNullShowsNothing() {
        assertSame(JShellEvaluator.NO_VALUE, kernel.evalRaw("%defx 5"));
    }

    @Test
    void aRendererAnExtensionRegistersReachesTheMessage() {
        DisplayData d = JynqKernel.displayData(Renderers.render(new TestExtension.Widget()));
        assertEquals("<b>widget</b>", d.getData(MIMEType.TEXT_HTML));
        assertEquals("Widget[]", d.getData(MIMEType.TEXT_PLAIN));
    }

    @Test
    void helpAsksACellMagicForItsUsageToo() {
        List<List<String>> seen = new ArrayList<>();
        kernel.getMagicsRegistry().registerCellMagic("probe", (CellMagic<Object, BaseKernel>) (k, args, body) -> {
            seen.add(List.copyOf(args));
            return null;
        });
        kernel.evalRaw("%help probe");
        assertEquals(List.of(List.of("--help")), seen);
    }

    @Test
    void helpLinksPointAtRealDocumentationNotAPlaceholder() {
        List<String> urls = kernel.getHelpLinks().stream().map(l -> l.getUrl()).toList();
        assertEquals(List.of("https://pynq.readthedocs.io/", "https://docs.oracle.com/en/java/javase/17/docs/api/"), urls);
    }
}
