package io.jynq.device.sim;

import io.jynq.device.Device;
import io.jynq.device.DeviceProvider;

/** The {@code sim} backend for {@link io.jynq.device.Devices}: always available, configured by {@link SimConfig#fromEnvironment()}. */
public final class SimDeviceProvider implements DeviceProvider {
    @Override
    public String name() {
        return "sim";
    }

    @Override
    public boolean isAvailable() {
        return true;
    }

    @Override
    public Device open() {
        return SimDevice.open(SimConfig.fromEnvironment());
    }
}
