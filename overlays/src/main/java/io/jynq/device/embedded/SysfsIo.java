package io.jynq.device.embedded;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * How the backend reads and writes kernel attribute files (sysfs, configfs) and makes configfs
 * directories. Each read and write is one system call, as sysfs requires (a value split over two
 * writes is two values). Tests wrap {@link NativeSysfs} to record the traffic in order and to play
 * the kernel's part (FPGA Manager's {@code state}, a device-tree overlay's {@code status}).
 */
interface SysfsIo {

    /** Reads at most {@code maxBytes} with a single read. */
    byte[] read(Path file, int maxBytes);

    /** Writes {@code data} with a single write to the existing file, truncating it. */
    void write(Path file, byte[] data);

    /** Creates a directory (configfs creates its attribute files). */
    void mkdir(Path dir);

    /** Removes a directory (configfs tears its item down). */
    void rmdir(Path dir);

    /** The attribute's text without surrounding white space (sysfs ends values with a newline). */
    default String readText(Path file) {
        return new String(read(file, 4096), StandardCharsets.US_ASCII).strip();
    }

    /** Writes {@code text} as ASCII in one write. */
    default void writeText(Path file, String text) {
        write(file, text.getBytes(StandardCharsets.US_ASCII));
    }
}
