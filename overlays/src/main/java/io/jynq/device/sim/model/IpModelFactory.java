package io.jynq.device.sim.model;

import java.util.Set;

/**
 * Creates the model of an IP, keyed by VLNV. Register one of two ways:
 * <ul>
 *   <li>at run time, e.g. from a notebook cell, with a lambda:
 *       <pre>{@code Sim.register("user.org:hls:scale:1.0", ctx -> new MyScaleModel(ctx));}</pre>
 *   <li>with {@link java.util.ServiceLoader}: a class with a public no-argument constructor,
 *       listed in {@code META-INF/services/io.jynq.device.sim.model.IpModelFactory}, whose
 *       {@link #vlnvs()} names the IP it models.
 * </ul>
 * The simulator matches the exact VLNV first, then the VLNV ignoring the version; an IP with no
 * factory gets a plain register file ({@link RegisterFileModel}).
 */
@FunctionalInterface
public interface IpModelFactory {

    /**
     * Creates the model for one IP instance. Called on every download and whenever this process
     * attaches to a board another process programmed; {@link IpModel#reset()} is called after it
     * only for a download.
     *
     * @param context the IP's description, registers, streams, interrupts and memory
     * @throws java.util.NoSuchElementException when the IP lacks a register the model needs (as
     *     {@code context.description().register(name)} throws): the IP is then simulated as a plain
     *     register file, with a one-line note, since it shares the VLNV but not the layout
     */
    IpModel create(IpContext context);

    /** The VLNVs ({@code vendor:library:name:version}) this factory serves when found through ServiceLoader. */
    default Set<String> vlnvs() {
        return Set.of();
    }
}
