package io.jynq.overlay;

import io.jynq.device.Device;
import io.jynq.metadata.ClockInfo;
import io.jynq.metadata.GpioEntry;
import io.jynq.metadata.Hierarchy;
import io.jynq.metadata.InterruptController;
import io.jynq.metadata.InterruptPin;
import io.jynq.metadata.IpDescription;
import java.time.Instant;
import java.util.Map;

/**
 * The programmable logic of the active board as every process sees it (PYNQ's {@code pynq.PL}):
 * which bitstream it holds since when, and that design's dictionaries. Each call asks
 * {@link Device#active()} afresh, so a download by another notebook shows at once.
 * <pre>{@code
 * PL.bitfileName();                 // PYNQ: PL.bitfile_name
 * PL.timestamp();                   // PYNQ: PL.timestamp
 * PL.ipDict().keySet();             // PYNQ: PL.ip_dict.keys()
 * }</pre>
 * The dictionaries throw {@link io.jynq.device.DeviceException} while the PL is empty; see
 * {@link Device#loadedMetadata()}.
 */
public final class PL {
    private PL() {}

    /** The loaded bitstream's absolute path, "" when the PL is empty. */
    public static String bitfileName() {
        return Device.active().bitfileName();
    }

    /** When it was downloaded; the epoch when the PL is empty. */
    public static Instant timestamp() {
        return Device.active().timestamp();
    }

    /** PYNQ's {@code PL.ip_dict}. */
    public static Map<String, IpDescription> ipDict() {
        return Device.active().ipDict();
    }

    /** PYNQ's {@code PL.gpio_dict}. */
    public static Map<String, GpioEntry> gpioDict() {
        return Device.active().gpioDict();
    }

    /** PYNQ's {@code PL.interrupt_pins}. */
    public static Map<String, InterruptPin> interruptPins() {
        return Device.active().interruptPins();
    }

    /** PYNQ's {@code PL.interrupt_controllers}. */
    public static Map<String, InterruptController> interruptControllers() {
        return Device.active().interruptControllers();
    }

    /** PYNQ's {@code PL.hierarchy_dict}. */
    public static Map<String, Hierarchy> hierarchyDict() {
        return Device.active().hierarchyDict();
    }

    /** PYNQ's {@code PL.mem_dict}. */
    public static Map<String, IpDescription> memDict() {
        return Device.active().memDict();
    }

    /** PYNQ's {@code PL.clock_dict}. */
    public static Map<Integer, ClockInfo> clockDict() {
        return Device.active().clockDict();
    }
}
