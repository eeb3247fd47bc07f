package io.jynq.plot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.jynq.buffer.Buffers;
import io.jynq.buffer.ContiguousBuffer;
import io.jynq.buffer.DType;
import io.jynq.device.sim.SimDevice;
import io.jynq.testing.SimBoards;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.knowm.xchart.XYChart;

class ContiguousBufferSamplesTest {

    @Test
    void aBufferPlotsAsItsOwnDtypeAndAClosedOneIsRefused(@TempDir Path dir) {
        try (SimDevice board = SimBoards.open(dir, 16)) {
            ContiguousBuffer buf = Buffers.allocate(board, new long[] {5}, DType.INT16, false);
            short[] values = {-3, 0, 7, -32768, 32767};
            for (int i = 0; i < values.length; i++) {
                buf.setInt(i, values[i]);
            }
            Samples s = Samples.from(buf);
            assertEquals(5, s.length());
            for (int i = 0; i < values.length; i++) {
                assertEquals(values[i], s.get(i), "element " + i);
            }
            XYChart chart = Plot.line(buf);
            assertEquals(5, chart.getSeriesMap().values().iterator().next().getYData().length);
            buf.close();
            assertThrows(IllegalStateException.class, () -> Samples.from(buf));
        }
    }
}
