package io.jynq.metadata;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jynq.testing.SharedData;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Deterministic mutation testing of both parsers: more than 10,000 variants (byte flips, special
 * characters, truncations, deleted elements, duplicated slices) of the small shared files and of
 * the tiny design. Every variant must parse or fail with {@link MetadataException}; anything else
 * (NullPointerException, StackOverflowError, ...) or a parse longer than the time limit fails the
 * test, naming the variant so it can be replayed.
 */
class MutationTest {
    private static final long SEED = 0x4A594E51L;
    private static final long LIMIT_MS = 5_000;
    private static ExecutorService worker;

    @BeforeAll
    static void start() {
        worker = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "mutation-worker");
            t.setDaemon(true);
            return t;
        });
    }

    @AfterAll
    static void stop() {
        worker.shutdownNow();
    }

    @Test
    void mutatedHwhAndBitFilesOnlyEverThrowMetadataException() throws IOException {
        List<String> failures = new ArrayList<>();
        int[] outcome = new int[2];
        Consumer<byte[]> hwh = b -> HwhParser.parse(b, "mutant.hwh").toPynqJson();
        Consumer<byte[]> bit = b -> {
            BitFile.parse(b, "mutant.bit");
            BitFile.toBin(b, "mutant.bit");
        };
        run("tiny_zynq.hwh", TinyHwh.bytes(), 3000, hwh, failures, outcome);
        run("kv260_pr2_add_partial.hwh", Files.readAllBytes(SharedData.hwh("kv260_pr2_add_partial.hwh")), 2500, hwh,
                failures, outcome);
        run("ultra96_sensors96b.hwh", Files.readAllBytes(SharedData.hwh("ultra96_sensors96b.hwh")), 1000, hwh,
                failures, outcome);
        run("pynqz1_base.bit (header + 4 KiB)", smallRealBit(), 3500, bit, failures, outcome);
        assertEquals(List.of(), failures.subList(0, Math.min(20, failures.size())), failures.size() + " variants failed");
        assertEquals(10_000, outcome[0] + outcome[1]);
        assertTrue(outcome[1] > 1000, "most mutants are refused: " + outcome[1] + " refused, " + outcome[0] + " accepted");
    }

    /** The real base.bit header with its data cut to 4 KiB and the length field patched to match. */
    static byte[] smallRealBit() throws IOException {
        byte[] all = Files.readAllBytes(SharedData.bit("pynqz1_base.bit"));
        BitFile h = BitFile.parse(all, "pynqz1_base.bit");
        byte[] small = Arrays.copyOf(all, (int) h.dataOffset() + 4096);
        ByteBuffer.wrap(small).putInt((int) h.dataOffset() - 4, 4096);
        return small;
    }

    private static void run(String name, byte[] original, int count, Consumer<byte[]> parser, List<String> failures,
            int[] outcome) {
        Random rnd = new Random(SEED ^ name.hashCode());
        for (int i = 0; i < count; i++) {
            StringBuilder how = new StringBuilder();
            byte[] mutant = mutate(original, rnd, how);
            String id = name + " #" + i + " (" + how + ")";
            Future<?> f = worker.submit(() -> parser.accept(mutant));
            try {
                f.get(LIMIT_MS, TimeUnit.MILLISECONDS);
                outcome[0]++;
            } catch (ExecutionException e) {
                if (e.getCause() instanceof MetadataException) {
                    outcome[1]++;
                } else {
                    failures.add(id + ": " + e.getCause());
                }
            } catch (TimeoutException e) {
                f.cancel(true);
                failures.add(id + ": no result within " + LIMIT_MS + " ms");
                worker.shutdownNow();
                start();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }

    private static final byte[] SPECIAL = "<>&\"'/=;#x\0\n]?!-".getBytes();

    static byte[] mutate(byte[] in, Random rnd, StringBuilder how) {
        int kind = rnd.nextInt(6);
        switch (kind) {
            case 0: {
                byte[] b = in.clone();
                int n = 1 + rnd.nextInt(4);
                for (int k = 0; k < n; k++) {
                    int at = rnd.nextInt(b.length);
                    b[at] ^= (byte) (1 << rnd.nextInt(8));
                    how.append("flip@").append(at).append(' ');
                }
                return b;
            }
            case 1: {
                byte[] b = in.clone();
                int at = rnd.nextInt(b.length);
                b[at] = SPECIAL[rnd.nextInt(SPECIAL.length)];
                how.append("special@").append(at);
                return b;
            }
            case 2: {
                int len = rnd.nextInt(in.length);
                how.append("truncate to ").append(len);
                return Arrays.copyOf(in, len);
            }
            case 3:
                return deleteElement(in, rnd, how);
            case 4: {
                int from = rnd.nextInt(in.length);
                int len = Math.min(in.length - from, 1 + rnd.nextInt(200));
                int to = rnd.nextInt(in.length);
                byte[] b = new byte[in.length + len];
                System.arraycopy(in, 0, b, 0, to);
                System.arraycopy(in, from, b, to, len);
                System.arraycopy(in, to, b, to + len, in.length - to);
                how.append("copy ").append(len).append(" bytes from ").append(from).append(" to ").append(to);
                return b;
            }
            default: {
                int from = rnd.nextInt(in.length);
                int len = Math.min(in.length - from, 1 + rnd.nextInt(64));
                byte[] b = new byte[in.length - len];
                System.arraycopy(in, 0, b, 0, from);
                System.arraycopy(in, from + len, b, from, in.length - from - len);
                how.append("delete ").append(len).append(" bytes at ").append(from);
                return b;
            }
        }
    }

    /** Removes one element: from a random start tag to its "/>" or to the next end tag of that name. */
    private static byte[] deleteElement(byte[] in, Random rnd, StringBuilder how) {
        String s = new String(in, java.nio.charset.StandardCharsets.ISO_8859_1);
        int start = s.indexOf('<', rnd.nextInt(s.length()));
        if (start < 0 || start + 1 >= s.length() || !Character.isLetter(s.charAt(start + 1))) {
            how.append("no element to delete");
            return in.clone();
        }
        int nameEnd = start + 1;
        while (nameEnd < s.length() && Character.isLetterOrDigit(s.charAt(nameEnd))) {
            nameEnd++;
        }
        String name = s.substring(start + 1, nameEnd);
        int gt = s.indexOf('>', start);
        int end;
        if (gt > 0 && s.charAt(gt - 1) == '/') {
            end = gt + 1;
        } else {
            int close = s.indexOf("</" + name + ">", start);
            end = close < 0 ? s.length() : close + name.length() + 3;
        }
        how.append("delete <").append(name).append("> at ").append(start);
        byte[] b = new byte[in.length - (end - start)];
        System.arraycopy(in, 0, b, 0, start);
        System.arraycopy(in, end, b, start, in.length - end);
        return b;
    }
}
