package io.jynq.remote.client;

import io.grpc.Context;
import io.grpc.StatusRuntimeException;
import io.jynq.device.IrqLine;
import io.jynq.remote.proto.ext.InterruptEvent;
import io.jynq.remote.proto.ext.InterruptWait;
import io.jynq.remote.proto.ext.InterruptsGrpc;
import java.time.Duration;
import java.util.Iterator;
import java.util.concurrent.CancellationException;
import java.util.concurrent.TimeUnit;

/**
 * A PS interrupt line of a remote board, waited on through JYNQ's {@code Interrupts} service: the
 * board streams an event when the line is asserted, or ends the stream at the timeout. The call's
 * deadline is the timeout plus the connection's own, so a board that stops answering fails the
 * wait rather than hang it; interrupting the waiting thread cancels the call on the board.
 */
final class RemoteIrqLine implements IrqLine {
    private final BoardConnection c;
    private final int rawIrq;

    RemoteIrqLine(BoardConnection c, int rawIrq) {
        this.c = c;
        this.rawIrq = rawIrq;
    }

    @Override
    public int rawIrq() {
        return rawIrq;
    }

    @Override
    public boolean isAsserted() {
        return await(Duration.ZERO);
    }

    @Override
    public boolean await(Duration timeout) {
        long ms = Math.max(0, timeout.toMillis());
        Context.CancellableContext ctx = Context.current().withCancellation();
        Context previous = ctx.attach();
        Thread waiter = Thread.currentThread();
        try {
            Iterator<InterruptEvent> events = InterruptsGrpc.newBlockingStub(c.channel())
                    .withDeadlineAfter(ms + c.deadline(), TimeUnit.MILLISECONDS)
                    .wait(InterruptWait.newBuilder().setIrq(rawIrq).setTimeoutMs(ms).build());
            boolean asserted = events.hasNext() && events.next().getAsserted();
            if (waiter.isInterrupted()) {
                throw new CancellationException("wait for IRQ " + rawIrq + " on board " + c.address() + " interrupted");
            }
            return asserted;
        } catch (StatusRuntimeException e) {
            if (waiter.isInterrupted() || e.getStatus().getCode() == io.grpc.Status.Code.CANCELLED) {
                throw new CancellationException("wait for IRQ " + rawIrq + " on board " + c.address() + " interrupted");
            }
            throw c.translate("wait for IRQ " + rawIrq, e);
        } finally {
            ctx.detach(previous);
            ctx.cancel(null);
        }
    }
}
