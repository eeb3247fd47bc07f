package io.jynq.magics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jynq.d2l.ArgType;
import io.jynq.d2l.BoundDevice;
import io.jynq.d2l.D2lParser;
import io.jynq.d2l.DeviceDescription;
import io.jynq.d2l.OperationBackend;
import io.jynq.device.Devices;
import io.jynq.ffi.NativeMemory;
import io.jynq.overlay.Overlay;
import io.jynq.testing.ScriptedDevice;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The facade's device member opens its device on the first operation only, and again after a failed opening. */
class LazyDeviceTest {
    /** What a generated facade declares for the device below. */
    interface Adder {
        int addWithDriver(int a, int b);
    }

    private static final DeviceDescription ADDER = D2lParser.parse("""
            name: ADDER
            operations:
              - name: ADD_WITH_DRIVER
                arguments: [{name: a, type: int32_t}, {name: b, type: int32_t}]
                return_type: int32_t
                driver: {ip: add_0, method: call}
            """, "adder.d2l.yaml").device("ADDER");

    /** Adds in Java what the HLS driver would add in the PL. */
    private static final OperationBackend SUM = new OperationBackend() {
        @Override
        public long readRegister(String ip, String register, String field) {
            throw new AssertionError("no registers");
        }

        @Override
        public void writeRegister(String ip, String register, String field, long value) {
            throw new AssertionError("no registers");
        }

        @Override
        public long physicalAddress(NativeMemory buffer) {
            throw new AssertionError("no buffers");
        }

        @Override
        public Object invokeDriver(String ip, String method, List<Object> args, List<ArgType> types) {
            return (Long) args.get(0) + (Long) args.get(1);
        }

        @Override
        public Object callNative(String library, String function, List<Object> args, List<ArgType> types, ArgType ret) {
            throw new AssertionError("no C");
        }
    };

    private Overlay ol;

    @BeforeEach
    void load() {
        Devices.setActive(new ScriptedDevice());
        ol = Overlay.load("dsp_loopback");
    }

    @AfterEach
    void restore() {
        Devices.setActive(null);
    }

    @Test
    void opensOnTheFirstOperationOnlyAndRetriesAfterAFailure() {
        AtomicInteger openings = new AtomicInteger();
        Adder adder = (Adder) LazyDevice.of(ol, "ADDER", Adder.class, (o, name) -> {
            assertSame(ol, o);
            assertEquals("ADDER", name);
            if (openings.incrementAndGet() == 1) {
                throw new IllegalStateException("overlay dsp_loopback is not loaded in the PL; call download() first");
            }
            return BoundDevice.open(ADDER, SUM);
        });
        assertEquals("ADDER of dsp_loopback (not opened yet: opens on the first call)", adder.toString());
        assertEquals(adder, adder);
        assertNotEquals(adder, LazyDevice.of(ol, "ADDER", Adder.class));
        assertEquals(0, openings.get(), "toString, equals and hashCode do not open the device");

        DeviceOpenException e = assertThrows(DeviceOpenException.class, () -> adder.addWithDriver(2, 40));
        assertEquals("device ADDER of overlay dsp_loopback did not open: overlay dsp_loopback is not loaded in the PL;"
                + " call download() first", e.getMessage());
        assertTrue(e.getSuppressed()[0] instanceof IllegalStateException);
        assertTrue(e instanceof io.jynq.error.JynqException, "a cell's catch (JynqException e) catches it");

        assertEquals(42, adder.addWithDriver(2, 40));
        assertEquals(-2, adder.addWithDriver(-5, 3));
        assertEquals(2, openings.get(), "opened once more after the failure, then kept");
        assertEquals("BoundDevice[ADDER, 1 operations]", adder.toString());
    }
}
