package io.jynq.metadata;

import java.util.AbstractList;
import java.util.List;
import java.util.Map;
import java.util.RandomAccess;

/**
 * The pins of a {@link Net}, {@code <module fullpath>/<port>} (or an external port's bare name),
 * kept as the two Strings the design already holds and joined when read. A parsed design stays in
 * the kernel for the session (issue 19, 512 MB boards), and as Strings of their own the pins of
 * pynqz1_base.hwh took 0.3 MB; as pairs they take 8 bytes each. Unmodifiable; equal to any list
 * of the same Strings.
 */
final class PinList extends AbstractList<String> implements RandomAccess {
    private final String[] paths;
    private final String[] ports;

    private PinList(String[] paths, String[] ports) {
        this.paths = paths;
        this.ports = ports;
    }

    /**
     * The pins, in the order given, each split at its last '/' into a module fullpath and a port
     * name that {@code shared} maps to the design's own String (a pin not split so stays whole).
     */
    static PinList of(List<String> pins, Map<String, String> shared) {
        String[] paths = new String[pins.size()];
        String[] ports = new String[pins.size()];
        for (int i = 0; i < paths.length; i++) {
            String pin = pins.get(i);
            int slash = pin.lastIndexOf('/');
            String path = slash < 0 ? null : shared.get(pin.substring(0, slash));
            String port = path == null ? null : shared.get(pin.substring(slash + 1));
            if (port == null) {
                paths[i] = pin;
            } else {
                paths[i] = path;
                ports[i] = port;
            }
        }
        return new PinList(paths, ports);
    }

    @Override
    public String get(int index) {
        String port = ports[index];
        return port == null ? paths[index] : paths[index] + '/' + port;
    }

    @Override
    public int size() {
        return paths.length;
    }
}
