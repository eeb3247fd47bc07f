/**
 * Shared test fixtures, published in the overlays test-jar for every module: {@link
 * io.jynq.testing.SharedData} (the real files in {@code ../shared}), {@link
 * io.jynq.testing.ScriptedDevice} (a scripted bus for exact register traffic, PYNQ's
 * {@code MockRegisterDevice} style), {@link io.jynq.testing.SimBoards} (simulated boards in a
 * temporary directory, with {@code dsp_loopback} loaded) and {@link io.jynq.testing.Designs}
 * (the bundled design, optionally edited) and {@link io.jynq.testing.DspLoopback} (the
 * simulator's own dsp_loopback fixture).
 */
package io.jynq.testing;
