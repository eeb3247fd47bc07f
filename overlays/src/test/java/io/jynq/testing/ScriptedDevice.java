package io.jynq.testing;

import io.jynq.device.Device;
import io.jynq.device.DeviceException;
import io.jynq.device.DeviceMemory;
import io.jynq.device.IrqLine;
import io.jynq.device.MemoryStats;
import io.jynq.device.OutOfDeviceMemoryException;
import io.jynq.device.PlState;
import io.jynq.device.RegisterSpace;
import io.jynq.metadata.OverlayMetadata;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.LongConsumer;

/**
 * A {@link Device} whose bus is a script, for testing drivers at the level of exact register
 * traffic (PYNQ's {@code MockRegisterDevice}): list the accesses a driver must make, run it, and
 * {@link #verify()} that exactly those happened, in order. Values not scripted come from a plain
 * register file ({@link #poke}); {@link #onWrite} hooks let a test play the hardware's part (a
 * DMA LENGTH write that makes DMASR idle). Every access, scripted or not, lands in
 * {@link #traffic()}.
 *
 * <p>Memory from {@link #allocate} is heap-backed with made-up physical addresses from
 * {@code 0x1000_0000}; interrupt lines are flags the test raises with {@link #raiseIrq}.
 */
public final class ScriptedDevice implements Device {
    private final Deque<BusAccess> script = new ArrayDeque<>();
    private final List<BusAccess> traffic = new ArrayList<>();
    private final Map<Long, Long> registers = new HashMap<>();
    private final Map<Long, LongConsumer> writeHooks = new HashMap<>();
    private final Map<Integer, Boolean> irqs = new HashMap<>();
    private final List<ScriptedMemory> memories = new ArrayList<>();
    private boolean strict;
    private long nextPhys = 0x1000_0000L;
    private long memoryLimit = 64L << 20;
    private long used;
    private PlState plState = PlState.EMPTY;
    private final List<Path> downloads = new ArrayList<>();
    private final double[] fclk = {100, 100, 100, 100};

    /** Expects the next bus access to be a 32-bit read of {@code address}, which returns {@code value}. */
    public synchronized ScriptedDevice expectRead(long address, long value) {
        script.add(BusAccess.read(address, value));
        return this;
    }

    /** Expects the next bus access to be a 32-bit write of {@code value} to {@code address}. */
    public synchronized ScriptedDevice expectWrite(long address, long value) {
        script.add(BusAccess.write(address, value));
        return this;
    }

    /** Makes any access not in the script a test failure (by default it goes to the register file). */
    public synchronized ScriptedDevice strict() {
        strict = true;
        return this;
    }

    /** Sets the register file's value at {@code address} (what unscripted reads return). */
    public synchronized ScriptedDevice poke(long address, long value) {
        registers.put(address, value & 0xFFFF_FFFFL);
        return this;
    }

    /** The register file's value at {@code address} (last write or poke, else 0). */
    public synchronized long peek(long address) {
        return registers.getOrDefault(address, 0L);
    }

    /** Runs {@code action} with the value after every write to {@code address} (after it is stored). */
    public synchronized ScriptedDevice onWrite(long address, LongConsumer action) {
        writeHooks.put(address, action);
        return this;
    }

    /** Every access so far, in order. */
    public synchronized List<BusAccess> traffic() {
        return new ArrayList<>(traffic);
    }

    /** The writes so far, in order. */
    public synchronized List<BusAccess> writes() {
        return traffic.stream().filter(BusAccess::write).toList();
    }

    /** Forgets the traffic recorded so far. */
    public synchronized void clearTraffic() {
        traffic.clear();
    }

    /** Fails unless every scripted access happened. */
    public synchronized void verify() {
        if (!script.isEmpty()) {
            throw new AssertionError("scripted accesses did not happen: " + script + "; traffic was " + traffic);
        }
    }

    /** Sets the level of interrupt line {@code rawIrq}. */
    public void raiseIrq(int rawIrq, boolean level) {
        synchronized (this) {
            irqs.put(rawIrq, level);
            notifyAll();
        }
    }

    /** Limits total allocations (default 64 MiB), to test out-of-memory paths. */
    public synchronized ScriptedDevice memoryLimit(long bytes) {
        memoryLimit = bytes;
        return this;
    }

    /** The bitstreams downloaded so far. */
    public synchronized List<Path> downloads() {
        return new ArrayList<>(downloads);
    }

    /** Replaces the PL state, as another process downloading something would. */
    public synchronized void setPlState(PlState state) {
        plState = state;
    }

    synchronized long access(boolean write, long address, int width, long value) {
        BusAccess head = script.peek();
        if (head != null) {
            BusAccess actual = new BusAccess(write, address, width, write ? value : head.value());
            if (head.write() != write || head.address() != address || head.widthBytes() != width
                    || (write && head.value() != value)) {
                throw new AssertionError("expected " + head + " but the driver did "
                        + new BusAccess(write, address, width, value) + "; traffic so far " + traffic);
            }
            script.poll();
            traffic.add(actual);
            if (write) {
                store(address, value);
            }
            return head.value();
        }
        if (strict) {
            throw new AssertionError("unscripted " + new BusAccess(write, address, width, value) + "; traffic so far " + traffic);
        }
        if (write) {
            traffic.add(new BusAccess(true, address, width, value));
            store(address, value);
            return value;
        }
        long v = registers.getOrDefault(address, 0L);
        traffic.add(new BusAccess(false, address, width, v));
        return v;
    }

    private void store(long address, long value) {
        registers.put(address, value & 0xFFFF_FFFFL);
        LongConsumer hook = writeHooks.get(address);
        if (hook != null) {
            hook.accept(value & 0xFFFF_FFFFL);
        }
    }

    @Override
    public String name() {
        return "scripted";
    }

    @Override
    public synchronized PlState plState() {
        return plState;
    }

    @Override
    public synchronized void download(Path bitstream, OverlayMetadata metadata, boolean partial) {
        downloads.add(bitstream);
        Instant now = Instant.now();
        if (!now.isAfter(plState.timestamp())) {
            now = plState.timestamp().plusNanos(1000);
        }
        plState = new PlState(bitstream.toAbsolutePath().toString(), now, "", partial);
    }

    @Override
    public RegisterSpace map(long physicalAddress, long byteLength) {
        if (byteLength <= 0) {
            throw new IllegalArgumentException("empty range");
        }
        return new ScriptedRegisterSpace(this, physicalAddress, byteLength);
    }

    @Override
    public synchronized DeviceMemory allocate(long byteSize, long alignment, boolean cacheable) {
        if (byteSize <= 0 || Long.bitCount(alignment) != 1) {
            throw new IllegalArgumentException("bad allocation " + byteSize + " / " + alignment);
        }
        if (used + byteSize > memoryLimit) {
            throw new OutOfDeviceMemoryException("cannot allocate " + byteSize + " bytes; largest free block "
                    + (memoryLimit - used) + " bytes");
        }
        long a = Math.max(alignment, 64);
        long phys = (nextPhys + a - 1) & -a;
        nextPhys = phys + byteSize;
        used += byteSize;
        ScriptedMemory m = new ScriptedMemory(this, phys, byteSize, cacheable);
        memories.add(m);
        return m;
    }

    synchronized void release(ScriptedMemory m) {
        if (memories.remove(m)) {
            used -= m.byteSize();
        }
    }

    /** The live allocation covering {@code physicalAddress}, or null: lets a test play a DMA master. */
    public synchronized ScriptedMemory memoryAt(long physicalAddress) {
        for (ScriptedMemory m : memories) {
            if (physicalAddress >= m.physicalAddress() && physicalAddress < m.physicalAddress() + m.byteSize()) {
                return m;
            }
        }
        return null;
    }

    @Override
    public synchronized MemoryStats memoryStats() {
        return new MemoryStats(memoryLimit, used, memoryLimit - used, memories.size());
    }

    @Override
    public IrqLine irq(int rawIrq) {
        return new IrqLine() {
            @Override
            public int rawIrq() {
                return rawIrq;
            }

            @Override
            public boolean isAsserted() {
                synchronized (ScriptedDevice.this) {
                    return irqs.getOrDefault(rawIrq, false);
                }
            }

            @Override
            public boolean await(Duration timeout) {
                long deadline = System.nanoTime() + timeout.toNanos();
                synchronized (ScriptedDevice.this) {
                    while (!irqs.getOrDefault(rawIrq, false)) {
                        long left = deadline - System.nanoTime();
                        if (left <= 0) {
                            return false;
                        }
                        try {
                            ScriptedDevice.this.wait(Math.max(1, left / 1_000_000));
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                            throw new java.util.concurrent.CancellationException("interrupted");
                        }
                    }
                    return true;
                }
            }
        };
    }

    @Override
    public double fclkMhz(int index) {
        if (index < 0 || index > 3) {
            throw new IndexOutOfBoundsException(index);
        }
        return fclk[index];
    }

    @Override
    public void setFclkMhz(int index, double mhz) {
        if (index < 0 || index > 3) {
            throw new IndexOutOfBoundsException(index);
        }
        if (mhz <= 0) {
            throw new DeviceException("clock must be positive, got " + mhz);
        }
        fclk[index] = mhz;
    }

    @Override
    public void close() {
    }
}
