package io.jynq.device.sim;

import io.jynq.device.sim.model.IpModel;

/**
 * The simulator's controls that {@link Sim#model} and {@link Sim#run} reach: the simulated board
 * in this process ({@link SimDevice}), or a simulated board on the network (the {@code remote}
 * backend against {@code ./jynq board serve --device sim}), whose models are then driven through
 * stand-ins that forward each call. The stand-in for a model is a generated subclass of its class,
 * which is why JYNQ's model classes are not final.
 */
public interface SimControls {
    /**
     * The model of IP {@code ipName} of the loaded design.
     *
     * @throws java.util.NoSuchElementException listing the IPs, if the design has no such IP
     * @throws IllegalArgumentException if the IP's model is not a {@code type}
     * @throws io.jynq.device.DeviceException if nothing is downloaded
     */
    <T extends IpModel> T model(String ipName, Class<T> type);

    /**
     * Lets {@code cycles} cycles of simulated time pass for every clocked model of the design.
     *
     * @throws IllegalArgumentException if {@code cycles < 0}
     */
    void run(long cycles);
}
