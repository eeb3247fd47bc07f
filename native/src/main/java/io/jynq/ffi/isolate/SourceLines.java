package io.jynq.ffi.isolate;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The C function and source line of an offset in a shared library, from its DWARF debug
 * information through binutils' {@code addr2line} (on every machine that has gcc). Only a fault
 * report asks, so a process per question costs nothing that matters.
 */
final class SourceLines {
    private SourceLines() {}

    /** Function name and {@code file:line} (file without its directory); either may be null. */
    record Location(String function, String line) {}

    static Location lookup(Path library, long offset) {
        try {
            Process p = new ProcessBuilder("addr2line", "-f", "-i", "-e", library.toString(), "0x" + Long.toHexString(offset))
                    .redirectErrorStream(true).start();
            p.getOutputStream().close();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!p.waitFor(10, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                return new Location(null, null);
            }
            List<String> lines = out.lines().toList();
            if (lines.size() < 2) {
                return new Location(null, null);
            }
            String function = lines.get(0).equals("??") ? null : lines.get(0);
            String where = lines.get(1).replaceAll(" \\(discriminator \\d+\\)$", "");
            if (where.startsWith("??") || where.endsWith(":0") || where.endsWith(":?")) {
                return new Location(function, null);
            }
            int slash = where.lastIndexOf('/');
            return new Location(function, slash >= 0 ? where.substring(slash + 1) : where);
        } catch (IOException e) {
            return new Location(null, null);  // no binutils: the report names the function called, without a line
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Location(null, null);
        }
    }
}
