package io.jynq.metadata;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.jynq.testing.SharedData;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The .bit header and .bin conversion against PYNQ's figures for the PYNQ-Z1 base bitstream. */
class BitFileTest {

    private static JsonObject golden() throws IOException {
        return JsonParser.parseString(Files.readString(SharedData.bit("pynqz1_base.bit.pynq.json"))).getAsJsonObject();
    }

    @Test
    void headerFieldsEqualPynqParseBitHeader() throws IOException {
        JsonObject g = golden();
        BitFile bit = BitFile.read(SharedData.bit("pynqz1_base.bit"));
        assertEquals(g.get("design").getAsString(), bit.design());
        assertEquals(g.get("version").getAsString(), bit.version());
        assertEquals("2018.3", bit.toolVersion());
        assertEquals(g.get("part").getAsString(), bit.part());
        assertEquals(g.get("date").getAsString(), bit.date());
        assertEquals(g.get("time").getAsString(), bit.time());
        assertEquals(Long.parseLong(g.get("length").getAsString()), bit.dataLength());
        assertEquals(g.get("data_offset").getAsLong(), bit.dataOffset());
    }

    @Test
    void writeBinStreamsTheByteSwappedDataPynqMakes(@TempDir Path tmp) throws IOException {
        JsonObject g = golden();
        Path out = tmp.resolve("base.bin");
        BitFile.read(SharedData.bit("pynqz1_base.bit")).writeBin(out);
        byte[] bin = Files.readAllBytes(out);
        assertEquals(g.get("bin_length").getAsLong(), bin.length);
        assertEquals(g.get("bin_sha256").getAsString(), MetadataCache.sha256(bin));
        assertEquals(g.get("bin_first16_hex").getAsString(), HexFormat.of().formatHex(Arrays.copyOf(bin, 16)));
        byte[] bit = Files.readAllBytes(SharedData.bit("pynqz1_base.bit"));
        assertEquals(g.get("file_sha256").getAsString(), MetadataCache.sha256(bit));
        assertArrayEquals(bin, BitFile.toBin(bit, "pynqz1_base.bit"), "in-memory conversion agrees");
    }

    @Test
    void syncWordIsSwappedToFpgaManagerOrder() {
        byte[] bit = SmallBit.make(new byte[] {(byte) 0xAA, (byte) 0x99, 0x55, 0x66, 1, 2, 3, 4});
        assertArrayEquals(new byte[] {0x66, 0x55, (byte) 0x99, (byte) 0xAA, 4, 3, 2, 1}, BitFile.toBin(bit, "s.bit"));
    }

    static Arguments bad(String what, UnaryOperator<byte[]> mutate, long offset, String expected) {
        return Arguments.of(what, mutate, offset, expected);
    }

    static Iterable<Arguments> badInputs() {
        return java.util.List.of(
                bad("empty file", b -> new byte[0], 0, "empty file"),
                bad("truncated header", b -> Arrays.copyOf(b, 40), 40, "truncated header"),
                bad("truncated data", b -> Arrays.copyOf(b, b.length - 4), SmallBit.LENGTH_AT, "file has"),
                bad("a .hwh handed in as .bit", b -> "<?xml version=\"1.0\"?><EDKSYSTEM/>".getBytes(), 0, "XML"),
                bad("bad sync header", b -> set(b, 5, 0x00), 5, "bad sync header"),
                bad("sync field length not 9", b -> set(b, 1, 8), 0, "expected 9"),
                bad("inconsistent length", b -> set(b, SmallBit.LENGTH_AT + 3, 0x10), SmallBit.LENGTH_AT, "agree"),
                bad("unknown key", b -> set(b, 13, 'z'), 13, "unknown field key 0x7A"),
                bad("data length not whole words", SmallBit::oddLength, SmallBit.LENGTH_AT, "multiple of 4"),
                bad("non-ASCII header text", b -> set(b, 17, 0xC3), 17, "ASCII"));
    }

    private static byte[] set(byte[] b, int at, int value) {
        byte[] c = b.clone();
        c[at] = (byte) value;
        return c;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badInputs")
    void badInputNamesFileOffsetAndExpectation(String what, UnaryOperator<byte[]> mutate, long offset, String expected) {
        byte[] input = mutate.apply(SmallBit.make(new byte[64]));
        MetadataException e = assertThrows(MetadataException.class, () -> BitFile.parse(input, "bad.bit"));
        assertEquals("bad.bit", e.file());
        assertEquals(offset, e.byteOffset(), e.getMessage());
        assertTrue(e.getMessage().startsWith("bad.bit: byte " + offset + ": "), e.getMessage());
        assertTrue(e.getMessage().contains(expected), e.getMessage());
    }

    @Test
    void headerLongerThanTheFirstReadIsReadInFull(@TempDir Path tmp) throws IOException {
        byte[] small = SmallBit.make(new byte[8]);
        // Repeat field 'b' with a 5000-byte value so the header passes the first 4 KiB read.
        byte[] big = new byte[5000];
        Arrays.fill(big, (byte) 'x');
        big[big.length - 1] = 0;
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        out.write(small, 0, 13);
        out.write('b');
        out.write(big.length >> 8);
        out.write(big.length & 0xFF);
        out.writeBytes(big);
        out.write(small, 13, small.length - 13);
        Path f = Files.write(tmp.resolve("long.bit"), out.toByteArray());
        BitFile b = BitFile.read(f);
        assertEquals("7z020clg400", b.part(), "the later field b wins, as in PYNQ");
        assertEquals(8, b.dataLength());
        assertEquals(f.toFile().length() - 8, b.dataOffset());
    }

    @Test
    void badFileOnDiskNamesThePath(@TempDir Path tmp) throws IOException {
        Path f = tmp.resolve("cut.bit");
        Files.write(f, Arrays.copyOf(Files.readAllBytes(SharedData.bit("pynqz1_base.bit")), 1000));
        MetadataException e = assertThrows(MetadataException.class, () -> BitFile.read(f));
        assertEquals(f.toString(), e.file());
        assertTrue(e.getMessage().contains("4045564"), e.getMessage());
    }
}
