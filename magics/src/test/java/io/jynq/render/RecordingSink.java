package io.jynq.render;

import java.util.ArrayList;
import java.util.List;

/** A DisplaySink that remembers every call, as the kernel would receive them. */
public final class RecordingSink implements DisplaySink {
    /** One call: "display" or "update", the id, and what was shown (ProgressState copies are immutable). */
    public record Call(String kind, String id, Object shown) {
    }

    public final List<Call> calls = new ArrayList<>();
    private int next;

    @Override
    public synchronized String display(Object o) {
        String id = "d" + (++next);
        calls.add(new Call("display", id, o));
        return id;
    }

    @Override
    public synchronized void update(String displayId, Object o) {
        calls.add(new Call("update", displayId, o));
    }

    @Override
    public synchronized void clearOutput(boolean wait) {
        calls.add(new Call("clear", null, wait));
    }

    public synchronized int size() {
        return calls.size();
    }

    /** Waits up to 5 s for at least {@code n} calls (the display timer runs on its own thread). */
    public void awaitCalls(int n) throws InterruptedException {
        long deadline = System.nanoTime() + 5_000_000_000L;
        while (size() < n && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
    }

    public synchronized Call last() {
        return calls.get(calls.size() - 1);
    }
}
