package io.jynq.device.embedded;

import io.jynq.ffi.gpio.GpioKernel;
import io.jynq.ffi.gpio.GpioUapi;
import io.jynq.ffi.libc.NativeException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Plays the kernel's GPIO character device for tests: chips by device path, line requests held
 * until their descriptor is closed (a second request of a held line is EBUSY, as in
 * drivers/gpio/gpiolib-cdev.c), levels per line. It reads requests at the offsets of
 * {@link GpioUapi}, which {@code GpioUapiHeaderTest} checks against {@code <linux/gpio.h>}.
 */
final class FakeGpioKernel implements GpioKernel {
    private static final int EBUSY = 16;
    private static final int ENOTTY = 25;
    private static final int ENOENT = 2;

    record Chip(String name, String label, int lines) {}

    private record Request(String chipPath, int offset, boolean output) {}

    final Map<String, Chip> chips = new HashMap<>();
    final Map<String, Integer> levels = new HashMap<>();  // "path:offset" -> level
    final List<String> log = new ArrayList<>();
    private final Map<Integer, String> chipFds = new HashMap<>();
    private final Map<Integer, Request> lineFds = new HashMap<>();
    private final Set<String> held = new HashSet<>();
    private int nextFd = 100;

    @Override
    public int open(String path) {
        if (!chips.containsKey(path)) {
            throw new NativeException("open(\"" + path + "\")", ENOENT);
        }
        chipFds.put(nextFd, path);
        return nextFd++;
    }

    @Override
    public void close(int fd) {
        Request r = lineFds.remove(fd);
        if (r != null) {
            held.remove(r.chipPath + ":" + r.offset);
            log.add("release " + r.offset);
        }
        chipFds.remove(fd);
    }

    @Override
    public void ioctl(int fd, long request, ByteBuffer arg) {
        if (chipFds.containsKey(fd)) {
            Chip c = chips.get(chipFds.get(fd));
            if (request == GpioUapi.GET_CHIPINFO) {
                arg.put(0, c.name.getBytes(StandardCharsets.UTF_8));
                arg.put(GpioUapi.NAME_SIZE, c.label.getBytes(StandardCharsets.UTF_8));
                arg.putInt(2 * GpioUapi.NAME_SIZE, c.lines);
                return;
            }
            if (request == GpioUapi.GET_LINE) {
                requestLine(chipFds.get(fd), c, arg);
                return;
            }
        }
        Request r = lineFds.get(fd);
        if (r != null && request == GpioUapi.LINE_GET_VALUES) {
            arg.putLong(0, levels.getOrDefault(r.chipPath + ":" + r.offset, 0) & arg.getLong(8));
            return;
        }
        if (r != null && request == GpioUapi.LINE_SET_VALUES) {
            if (!r.output) {
                throw new NativeException("ioctl(GPIO_V2_LINE_SET_VALUES_IOCTL)", 1);  // EPERM on an input
            }
            levels.put(r.chipPath + ":" + r.offset, (int) (arg.getLong(0) & arg.getLong(8) & 1));
            log.add("set " + r.offset + " " + (arg.getLong(0) & 1));
            return;
        }
        throw new NativeException(String.format("ioctl(%d, 0x%x)", fd, request), ENOTTY);
    }

    private void requestLine(String path, Chip c, ByteBuffer req) {
        if (req.getInt(GpioUapi.REQ_NUM_LINES) != 1) {
            throw new NativeException("ioctl(GPIO_V2_GET_LINE_IOCTL): num_lines", 22);
        }
        int offset = req.getInt(GpioUapi.REQ_OFFSETS);
        String key = path + ":" + offset;
        if (offset >= c.lines || held.contains(key)) {
            throw new NativeException("ioctl(GPIO_V2_GET_LINE_IOCTL)", offset >= c.lines ? 22 : EBUSY);
        }
        long flags = req.getLong(GpioUapi.REQ_CONFIG_FLAGS);
        boolean output = (flags & GpioUapi.FLAG_OUTPUT) != 0;
        if (output && req.getInt(GpioUapi.REQ_CONFIG_NUM_ATTRS) == 1
                && req.getInt(GpioUapi.REQ_CONFIG_ATTR0) == GpioUapi.ATTR_ID_OUTPUT_VALUES) {
            levels.put(key, (int) (req.getLong(GpioUapi.REQ_CONFIG_ATTR0 + 8) & req.getLong(GpioUapi.REQ_CONFIG_ATTR0 + 16) & 1));
        }
        held.add(key);
        lineFds.put(nextFd, new Request(path, offset, output));
        log.add("request " + offset + (output ? " out" : " in") + " by " + GpioUapi.name(req, GpioUapi.REQ_CONSUMER));
        req.putInt(GpioUapi.REQ_FD, nextFd++);
    }
}
