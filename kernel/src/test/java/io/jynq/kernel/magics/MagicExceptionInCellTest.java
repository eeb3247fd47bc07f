package io.jynq.kernel.magics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jynq.error.JynqException;
import io.jynq.kernel.JynqKernel;
import io.jynq.kernel.history.SessionHistory;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A magic's error is an exception a cell can catch ({@code MagicError extends Error} was not),
 * with its one-line message unwrapped: the same cell a user would write around a magic.
 */
class MagicExceptionInCellTest {
    private static JynqKernel kernel;

    @BeforeAll
    static void start() {
        kernel = new JynqKernel(null, List.of(), SessionHistory.inMemory());
        kernel.startSession();
        kernel.awaitSession();
    }

    @AfterAll
    static void stop() {
        kernel.onShutdown(false);
    }

    @Test
    void catchExceptionAroundAMagicCatchesItsError() {
        Object caught = kernel.evalRaw("String caught = \"nothing\";\n"
                + "try {\n"
                + "    %overlays unexpected_argument\n"
                + "} catch (Exception e) {\n"
                + "    caught = e.getClass().getName() + \": \" + e.getMessage();\n"
                + "}\n"
                + "caught");
        assertEquals("io.jynq.kernel.magics.MagicException: %overlays takes no arguments: %overlays", caught);
    }

    @Test
    void aMagicErrorIsAJynqExceptionWithoutFrames() {
        MagicException e = new MagicException("no IP \"dma\"");
        assertTrue(e instanceof JynqException);
        assertEquals(0, e.getStackTrace().length);
    }
}
