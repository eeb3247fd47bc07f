package io.jynq.device.sim;

import io.jynq.device.sim.model.InterruptOut;
import java.util.ArrayList;
import java.util.List;

/**
 * An interrupt output of a model with the inputs it reaches, as {@link InterruptRouter} traced
 * them through the design: model inputs (an AXI INTC's {@code intr} bit) and PS IRQ lines. Only a
 * change of level travels.
 */
final class InterruptWire implements InterruptOut {
    /** Something the wire drives. */
    interface Sink {
        void level(boolean high);
    }

    private final String name;
    private final List<Sink> sinks = new ArrayList<>();
    private boolean high;

    InterruptWire(String name) {
        this.name = name;
    }

    void add(Sink sink) {
        sinks.add(sink);
    }

    boolean isWired() {
        return !sinks.isEmpty();
    }

    @Override
    public void set(boolean level) {
        if (level == high) {
            return;
        }
        high = level;
        for (Sink s : sinks) {
            s.level(level);
        }
    }

    @Override
    public boolean isHigh() {
        return high;
    }

    @Override
    public String toString() {
        return name + (high ? " high" : " low") + " -> " + sinks.size() + " inputs";
    }
}
