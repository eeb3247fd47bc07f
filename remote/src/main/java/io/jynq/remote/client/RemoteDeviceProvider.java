package io.jynq.remote.client;

import io.jynq.device.Device;
import io.jynq.device.DeviceException;
import io.jynq.device.DeviceProvider;

/**
 * The {@code remote} backend: {@code JYNQ_DEVICE=remote:HOST[:PORT]} (port 7967 by default) drives
 * a board running a JYNQ board server or PYNQ.remote. Never chosen without being named.
 */
public final class RemoteDeviceProvider implements DeviceProvider {

    @Override
    public String name() {
        return "remote";
    }

    @Override
    public boolean isAvailable() {
        return false;
    }

    @Override
    public Device open() {
        throw new DeviceException("the remote backend needs the board's address: JYNQ_DEVICE=remote:HOST[:PORT]");
    }

    @Override
    public Device open(String argument) {
        if (argument.isEmpty()) {
            return open();
        }
        return RemoteDevice.connect(BoardAddress.parse(argument), BoardConnection.Settings.fromEnvironment());
    }
}
