package io.jynq.device;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The checks every backend's PS GPIO line shares (sysfs on a board, the simulator): a refused call
 * never reaches the pin, and the line is given back once however often it is closed.
 */
class AbstractPsGpioLineTest {
    private final List<String> pin = new ArrayList<>();

    private PsGpioLine line(int index, boolean output) {
        return new AbstractPsGpioLine(index, output) {
            @Override
            protected int level() {
                pin.add("read");
                return 1;
            }

            @Override
            protected void drive(int value) {
                pin.add("drive " + value);
            }

            @Override
            protected void release() {
                pin.add("release");
            }
        };
    }

    @Test
    void refusedCallsNeverReachThePin() {
        PsGpioLine out = line(3, true);
        IllegalArgumentException two = assertThrows(IllegalArgumentException.class, () -> out.write(2));
        assertEquals("PS GPIO 3 takes 0 or 1, got 2", two.getMessage());
        out.write(1);
        PsGpioLine in = line(4, false);
        IllegalStateException input = assertThrows(IllegalStateException.class, () -> in.write(1));
        assertEquals("PS GPIO 4 is an input; open it as an output to drive it", input.getMessage());
        assertEquals(1, in.read());
        assertEquals(List.of("drive 1", "read"), pin);
    }

    @Test
    void aReleasedLineRefusesEverythingAndIsReleasedOnce() {
        PsGpioLine out = line(0, true);
        out.close();
        out.close();
        assertEquals("PS GPIO 0 was released", assertThrows(IllegalStateException.class, out::read).getMessage());
        assertThrows(IllegalStateException.class, () -> out.write(0));
        assertEquals(List.of("release"), pin);
    }
}
