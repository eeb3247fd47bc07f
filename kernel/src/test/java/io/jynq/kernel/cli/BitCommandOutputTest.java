package io.jynq.kernel.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jynq.metadata.SmallBit;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * Issue 14, files from outside: {@code ./jynq bit X.bit --bin X.bit} truncated its input to 0
 * bytes. (The library's half, temporary files and more than 2 GiB, is
 * {@code io.jynq.metadata.BitFileOutputTest}.)
 */
class BitCommandOutputTest {
    @TempDir
    Path dir;

    @Test
    void binOverItsOwnInputIsRefusedAndTheInputKept() throws Exception {
        Path bit = Files.write(dir.resolve("x.bit"), SmallBit.make(new byte[] {(byte) 0xAA, (byte) 0x99, 0x55, 0x66}));
        byte[] before = Files.readAllBytes(bit);
        StringWriter err = new StringWriter();
        CommandLine cl = new CommandLine(new BitCommand()).setErr(new PrintWriter(err)).setOut(new PrintWriter(new StringWriter()));
        assertEquals(1, cl.execute(bit.toString(), "--bin", bit.toString()));
        assertTrue(err.toString().contains("refusing to write the .bin over its own input"), err.toString());
        assertArrayEquals(before, Files.readAllBytes(bit));
        assertEquals(1, cl.execute(bit.toString(), "--bin", dir.resolve(".").resolve("x.bit").toString()), "another spelling of it");
        assertArrayEquals(before, Files.readAllBytes(bit));
    }

}
