package io.jynq.device.sim;

import io.jynq.device.IrqLine;
import java.time.Duration;
import java.util.concurrent.CancellationException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * A PS interrupt input of the simulated board, driven by the design's interrupt wiring (an AXI
 * INTC's {@code irq}, or an IP wired straight to {@code IRQ_F2P}). Level-sensitive: {@link #await}
 * returns at once while the line is high.
 */
final class SimIrqLine implements IrqLine {
    private final int rawIrq;
    private final SimPl pl;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition raised = lock.newCondition();
    private volatile boolean level;
    private long assertions;

    SimIrqLine(int rawIrq, SimPl pl) {
        this.rawIrq = rawIrq;
        this.pl = pl;
    }

    void set(boolean high) {
        lock.lock();
        try {
            if (high && !level) {
                assertions++;
            }
            level = high;
            if (high) {
                raised.signalAll();
            }
        } finally {
            lock.unlock();
        }
    }

    @Override
    public int rawIrq() {
        return rawIrq;
    }

    @Override
    public boolean isAsserted() {
        return level;
    }

    /** How often the line rose (for tests). */
    long assertions() {
        return assertions;
    }

    @Override
    public boolean await(Duration timeout) {
        long deadline = System.nanoTime() + Math.max(0, timeout.toNanos());
        boolean clocked = pl.hasClockedModels();
        lock.lock();
        try {
            while (!level) {
                if (Thread.interrupted()) {
                    Thread.currentThread().interrupt();
                    throw new CancellationException("wait on IRQ " + rawIrq + " interrupted");
                }
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return false;
                }
                if (clocked) {
                    lock.unlock();
                    try {
                        pl.tickIdle();
                    } finally {
                        lock.lock();
                    }
                    if (level) {
                        break;
                    }
                    left = Math.min(left, TimeUnit.MICROSECONDS.toNanos(100));
                }
                try {
                    raised.awaitNanos(left);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new CancellationException("wait on IRQ " + rawIrq + " interrupted");
                }
            }
            return true;
        } finally {
            lock.unlock();
        }
    }

    @Override
    public String toString() {
        return "SimIrqLine[" + rawIrq + (level ? ", asserted" : ", low") + "]";
    }
}
