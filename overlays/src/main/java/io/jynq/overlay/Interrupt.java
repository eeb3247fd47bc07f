package io.jynq.overlay;

import io.jynq.error.HardwareTimeoutException;
import io.jynq.device.IrqLine;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.locks.LockSupport;

/**
 * An interrupt pin of the loaded overlay, e.g. {@code btns_gpio/ip2intc_irpt} (PYNQ's
 * {@code Interrupt}). The pin reaches the PS either directly or through one or more AXI INTCs;
 * waiting enables the pin's INTC input, and a wake-up acknowledges it there. The IP that raised
 * the interrupt still has to clear its own status (a driver does that).
 *
 * <p>Unlike PYNQ's, these waits need no event loop: they block the calling thread, or run on a
 * daemon thread for {@link #onNext()}, so they work in plain Java programs and JShell alike.
 * <pre>{@code
 * Interrupt irq = ol.interrupt("switches_gpio/ip2intc_irpt");
 * irq.await(Duration.ofSeconds(5));                       // blocks; throws on timeout
 * irq.onNext().thenRun(() -> System.out.println("switch!"));
 * }</pre>
 *
 * <p>Sources are level-sensitive (AXI GPIO, DMA, HLS keep their line up until software clears
 * them): a wait first acknowledges a stale capture at the INTC, so a source still asserting wakes
 * it at once and one already cleared does not.
 */
public final class Interrupt {
    private static final ExecutorService WAITERS = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "jynq-interrupt-waiter");
        t.setDaemon(true);
        return t;
    });
    /** Where {@link #onNext()} runs its waiter; a test replaces it with a late one. */
    static volatile java.util.concurrent.Executor waiters = WAITERS;
    private static final long MAX_SLICE_NANOS = 10_000_000L;

    private final String pin;
    private final IrqLine line;
    private final IntcController controller;
    private final int index;

    Interrupt(String pin, IrqLine line, IntcController controller, int index) {
        this.pin = pin;
        this.line = line;
        this.controller = controller;
        this.index = index;
    }

    /** The pin's fullpath, e.g. {@code btns_gpio/ip2intc_irpt}. */
    public String pin() {
        return pin;
    }

    /** Whether the interrupt is pending now (captured at its INTC, or the PS line asserted). */
    public boolean isPending() {
        return controller == null ? line.isAsserted() : controller.pending(index);
    }

    /**
     * Waits until the interrupt fires or {@code timeout} passes.
     *
     * @param timeout the longest wait; {@link Duration#ZERO} checks once
     * @return true if it fired (and was acknowledged at its INTC), false on timeout
     * @throws CancellationException if the thread is interrupted (the flag is kept), e.g. by the
     *         notebook's stop button
     */
    public boolean tryAwait(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        if (controller == null) {
            return line.await(timeout);
        }
        arm();
        return awaitArmed(deadline);
    }

    /** Forgets what the INTC captured before now and enables the input: the next event counts. */
    private void arm() {
        controller.ack(index);
        controller.enable(index);
    }

    /** Waits for an event captured since {@link #arm()}, acknowledging it; false at {@code deadline}. */
    private boolean awaitArmed(long deadline) {
        long backoff = 2_000;
        while (true) {
            if (controller.pending(index)) {
                controller.ack(index);
                return true;
            }
            if (Thread.interrupted()) {
                Thread.currentThread().interrupt();
                throw new CancellationException("wait for interrupt " + pin + " interrupted");
            }
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return false;
            }
            if (line.isAsserted()) {
                // Another input of the same controller holds the PS line up: poll our bit gently.
                LockSupport.parkNanos(Math.min(backoff, left));
                backoff = Math.min(backoff * 2, 1_000_000);
            } else {
                line.await(Duration.ofNanos(Math.min(left, MAX_SLICE_NANOS)));
            }
        }
    }

    /**
     * Waits until the interrupt fires.
     *
     * @throws HardwareTimeoutException after {@code timeout}, carrying the INTC registers
     *         (ISR, IPR, IER, MER) and the PS line's level
     * @throws CancellationException if the thread is interrupted
     */
    public void await(Duration timeout) {
        if (!tryAwait(timeout)) {
            Map<String, Long> regs = new LinkedHashMap<>();
            if (controller != null) {
                regs.putAll(controller.snapshot());
            }
            regs.put("irq" + line.rawIrq(), line.isAsserted() ? 1L : 0L);
            throw new HardwareTimeoutException("interrupt " + pin + " did not fire in " + timeout + ": " + describe(regs),
                    timeout, regs);
        }
    }

    /**
     * A future completed (on a daemon thread) when the interrupt next fires; cancelling it stops
     * the wait. Works in plain Java programs, not only in notebooks.
     */
    public CompletableFuture<Void> onNext() {
        CompletableFuture<Void> f = new CompletableFuture<>();
        // Armed here, in the caller's thread, and never again by the waiter: an edge-sensitive
        // INTC input (PYNQ's base designs) latches an event once, so an acknowledge by a waiter
        // thread that starts late, or between its wait slices, would lose an event raised right
        // after onNext() returned (tutorial 06's button press on a loaded machine).
        if (controller != null) {
            try {
                arm();
            } catch (RuntimeException e) {
                // as before arming moved here: a failing INTC access fails the future, not the call
                f.completeExceptionally(e);
                return f;
            }
        }
        waiters.execute(() -> {
            try {
                while (!f.isDone()) {
                    boolean fired = controller == null ? line.await(Duration.ofMillis(50))
                            : awaitArmed(System.nanoTime() + 50_000_000L);
                    if (fired) {
                        f.complete(null);
                    }
                }
            } catch (RuntimeException e) {
                f.completeExceptionally(e);
            }
        });
        return f;
    }

    private static String describe(Map<String, Long> regs) {
        StringBuilder sb = new StringBuilder();
        regs.forEach((k, v) -> sb.append(sb.length() == 0 ? "" : ", ").append(k).append("=0x").append(Long.toHexString(v)));
        return sb.toString();
    }

    /** One line, e.g. {@code Interrupt[btns_gpio/ip2intc_irpt via system_interrupts #1, irq 61]}. */
    @Override
    public String toString() {
        return "Interrupt[" + pin + (controller == null ? "" : " via " + controller.name() + " #" + index)
                + ", irq " + line.rawIrq() + "]";
    }
}
