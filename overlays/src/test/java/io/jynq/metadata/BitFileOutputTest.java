package io.jynq.metadata;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.RandomAccessFile;
import java.nio.ByteBuffer;
import java.nio.channels.WritableByteChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 14, files from outside (the CLI's half is {@code io.jynq.kernel.cli.BitCommandOutputTest}): a {@code .bit} with more than 2 GiB of data truncated an existing {@code --bin} target
 * and then failed with "Size exceeds Integer.MAX_VALUE".
 */
class BitFileOutputTest {
    @TempDir
    Path dir;

    @Test
    void aFailedConversionLeavesAnExistingTargetAsItWasAndNoTemporaryFile() throws Exception {
        Path bit = Files.write(dir.resolve("x.bit"), SmallBit.make(new byte[64]));
        Path out = Files.writeString(dir.resolve("x.bin"), "the previous conversion");
        BitFile header = BitFile.read(bit);
        try (RandomAccessFile f = new RandomAccessFile(bit.toFile(), "rw")) {
            f.setLength(f.length() - 8);  // the file changed after its header was read
        }
        assertThrows(MetadataException.class, () -> header.writeBin(out));
        assertEquals("the previous conversion", Files.readString(out));
        try (Stream<Path> files = Files.list(dir)) {
            assertTrue(files.noneMatch(p -> p.toString().endsWith(".tmp")));
        }
    }

    @Test
    void moreThanTwoGibibytesOfDataAreStreamed() throws Exception {
        long length = (5L << 29);  // 2.5 GiB, sparse on disk
        byte[] head = SmallBit.make(new byte[0]);
        ByteBuffer.wrap(head).putInt(SmallBit.LENGTH_AT, (int) length);
        Path bit = dir.resolve("big.bit");
        try (RandomAccessFile f = new RandomAccessFile(bit.toFile(), "rw")) {
            f.write(head);
            f.write(new byte[] {(byte) 0xAA, (byte) 0x99, 0x55, 0x66});
            f.setLength(head.length + length);
            f.seek(head.length + length - 4);
            f.write(new byte[] {1, 2, 3, 4});
        }
        BitFile b = BitFile.read(bit);
        assertEquals(length, b.dataLength());
        long[] written = {0};
        byte[] first = new byte[4];
        byte[] last = new byte[4];
        WritableByteChannel sink = new WritableByteChannel() {
            @Override
            public int write(ByteBuffer src) {
                int n = src.remaining();
                boolean edge = written[0] < 4 || written[0] + n > length - 4;
                for (int i = 0; edge && i < n; i++) {
                    long at = written[0] + i;
                    byte v = src.get(src.position() + i);
                    if (at < 4) {
                        first[(int) at] = v;
                    } else if (at >= length - 4) {
                        last[(int) (at - (length - 4))] = v;
                    }
                }
                src.position(src.limit());
                written[0] += n;
                return n;
            }

            @Override
            public boolean isOpen() {
                return true;
            }

            @Override
            public void close() {}
        };
        assertEquals(length, b.writeBin(sink));
        assertEquals(length, written[0]);
        assertArrayEquals(new byte[] {0x66, 0x55, (byte) 0x99, (byte) 0xAA}, first);
        assertArrayEquals(new byte[] {4, 3, 2, 1}, last);
    }
}
