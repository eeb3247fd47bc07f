package io.jynq.ffi.gpio;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

/**
 * The Linux GPIO character device ABI, version 2, as {@code <linux/gpio.h>} (Linux 5.10 and later)
 * defines it: the ioctl request numbers and the byte layout of the structures this package
 * passes. The kernel uses the machine's byte order and natural alignment; the sizes and offsets
 * below are those of every Linux ABI (the header pads the structures so that 32- and 64-bit
 * user space agree), and a test compiles the real header with gcc to compare them.
 *
 * <p>Request numbers follow {@code _IOC(dir, 0xB4, nr, size)}: {@code dir << 30 | size << 16 |
 * type << 8 | nr}, read = 2, write = 1.
 */
public final class GpioUapi {
    private GpioUapi() {}

    /** {@code GPIO_MAX_NAME_SIZE}: bytes of a name, label or consumer, NUL-padded. */
    public static final int NAME_SIZE = 32;
    /** {@code GPIO_V2_LINES_MAX}. */
    public static final int LINES_MAX = 64;
    /** {@code GPIO_V2_LINE_NUM_ATTRS_MAX}. */
    public static final int ATTRS_MAX = 10;

    /** {@code sizeof(struct gpiochip_info)}: name[32], label[32], u32 lines. */
    public static final int CHIPINFO_SIZE = 68;
    /** {@code sizeof(struct gpio_v2_line_request)}. */
    public static final int LINE_REQUEST_SIZE = 592;
    /** {@code sizeof(struct gpio_v2_line_values)}: u64 bits, u64 mask. */
    public static final int LINE_VALUES_SIZE = 16;

    /** Offsets in {@code struct gpio_v2_line_request}. */
    public static final int REQ_OFFSETS = 0;
    public static final int REQ_CONSUMER = 256;
    /** {@code config.flags} (u64). */
    public static final int REQ_CONFIG_FLAGS = 288;
    /** {@code config.num_attrs} (u32). */
    public static final int REQ_CONFIG_NUM_ATTRS = 296;
    /** {@code config.attrs[0]}: {@code attr.id} u32, padding u32, {@code attr.values} u64, {@code mask} u64. */
    public static final int REQ_CONFIG_ATTR0 = 320;
    public static final int REQ_NUM_LINES = 560;
    public static final int REQ_EVENT_BUFFER_SIZE = 564;
    /** {@code fd} (s32): the line request's file descriptor the kernel returns. */
    public static final int REQ_FD = 588;

    /** {@code GPIO_V2_LINE_FLAG_INPUT}. */
    public static final long FLAG_INPUT = 1L << 2;
    /** {@code GPIO_V2_LINE_FLAG_OUTPUT}. */
    public static final long FLAG_OUTPUT = 1L << 3;
    /** {@code GPIO_V2_LINE_ATTR_ID_OUTPUT_VALUES}. */
    public static final int ATTR_ID_OUTPUT_VALUES = 2;

    private static final int TYPE = 0xB4;

    private static long ioc(int dir, int nr, int size) {
        return ((long) dir << 30) | ((long) size << 16) | (TYPE << 8) | nr;
    }

    /** {@code GPIO_GET_CHIPINFO_IOCTL = _IOR(0xB4, 0x01, struct gpiochip_info)}. */
    public static final long GET_CHIPINFO = ioc(2, 0x01, CHIPINFO_SIZE);
    /** {@code GPIO_V2_GET_LINE_IOCTL = _IOWR(0xB4, 0x07, struct gpio_v2_line_request)}. */
    public static final long GET_LINE = ioc(3, 0x07, LINE_REQUEST_SIZE);
    /** {@code GPIO_V2_LINE_GET_VALUES_IOCTL = _IOWR(0xB4, 0x0E, struct gpio_v2_line_values)}. */
    public static final long LINE_GET_VALUES = ioc(3, 0x0E, LINE_VALUES_SIZE);
    /** {@code GPIO_V2_LINE_SET_VALUES_IOCTL = _IOWR(0xB4, 0x0F, struct gpio_v2_line_values)}. */
    public static final long LINE_SET_VALUES = ioc(3, 0x0F, LINE_VALUES_SIZE);

    /** A zeroed buffer of {@code size} bytes in the machine's byte order. */
    public static ByteBuffer struct(int size) {
        return ByteBuffer.allocate(size).order(ByteOrder.nativeOrder());
    }

    /**
     * A {@code gpio_v2_line_request} for one line: {@code offset}, as input or output (an output
     * starts at {@code initialValue} through an OUTPUT_VALUES attribute), consumer label cut to 31 bytes.
     */
    public static ByteBuffer lineRequest(int offset, boolean output, int initialValue, String consumer) {
        ByteBuffer b = struct(LINE_REQUEST_SIZE);
        b.putInt(REQ_OFFSETS, offset);
        putName(b, REQ_CONSUMER, consumer);
        b.putLong(REQ_CONFIG_FLAGS, output ? FLAG_OUTPUT : FLAG_INPUT);
        if (output) {
            b.putInt(REQ_CONFIG_NUM_ATTRS, 1);
            b.putInt(REQ_CONFIG_ATTR0, ATTR_ID_OUTPUT_VALUES);
            b.putLong(REQ_CONFIG_ATTR0 + 8, initialValue & 1);
            b.putLong(REQ_CONFIG_ATTR0 + 16, 1);  // the mask: line 0 of the request
        }
        b.putInt(REQ_NUM_LINES, 1);
        return b;
    }

    /** A {@code gpio_v2_line_values} with {@code bits} and {@code mask}. */
    public static ByteBuffer lineValues(long bits, long mask) {
        ByteBuffer b = struct(LINE_VALUES_SIZE);
        b.putLong(0, bits);
        b.putLong(8, mask);
        return b;
    }

    /** The NUL-terminated string at {@code offset} (at most {@link #NAME_SIZE} bytes). */
    public static String name(ByteBuffer b, int offset) {
        int n = 0;
        while (n < NAME_SIZE && b.get(offset + n) != 0) {
            n++;
        }
        byte[] s = new byte[n];
        b.get(offset, s);
        return new String(s, StandardCharsets.UTF_8);
    }

    private static void putName(ByteBuffer b, int offset, String s) {
        byte[] bytes = s.getBytes(StandardCharsets.UTF_8);
        b.put(offset, bytes, 0, Math.min(bytes.length, NAME_SIZE - 1));
    }
}
