package io.jynq.device.sim.model;

/** An interrupt output port of a model, routed by the simulator as the design wires it. */
public interface InterruptOut {

    /** Drives the port; only a change of level travels on. */
    void set(boolean high);

    /** The level last driven. */
    boolean isHigh();
}
