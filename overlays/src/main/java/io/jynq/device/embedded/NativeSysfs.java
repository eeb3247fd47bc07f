package io.jynq.device.embedded;

import io.jynq.device.DeviceException;
import io.jynq.ffi.libc.Libc;
import io.jynq.ffi.libc.NativeException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/** {@link SysfsIo} through libc: one read or write system call each, errno in the message. */
final class NativeSysfs implements SysfsIo {

    @Override
    public byte[] read(Path file, int maxBytes) {
        int fd = Libc.open(file.toString(), Libc.O_RDONLY);
        try {
            byte[] buf = new byte[maxBytes];
            int n = Libc.read(fd, buf, maxBytes);
            return Arrays.copyOf(buf, n);
        } finally {
            Libc.close(fd);
        }
    }

    @Override
    public void write(Path file, byte[] data) {
        int fd = Libc.open(file.toString(), Libc.O_WRONLY | Libc.O_TRUNC);
        try {
            int n = Libc.write(fd, data, data.length);
            if (n != data.length) {
                throw new DeviceException("short write to " + file + ": " + n + " of " + data.length + " bytes");
            }
        } finally {
            Libc.close(fd);
        }
    }

    @Override
    public void mkdir(Path dir) {
        try {
            Files.createDirectory(dir);
        } catch (IOException e) {
            throw new DeviceException("cannot create " + dir + ": " + e, e);
        }
    }

    @Override
    public void rmdir(Path dir) {
        try {
            Files.delete(dir);
        } catch (IOException e) {
            throw new DeviceException("cannot remove " + dir + ": " + e, e);
        }
    }

    /** A libc failure as the backend reports it: the step, then the call and errno. */
    static DeviceException failed(String step, NativeException e) {
        return new DeviceException(step + ": " + e.getMessage(), e);
    }
}
