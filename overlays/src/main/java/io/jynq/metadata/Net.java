package io.jynq.metadata;

import java.util.List;

/**
 * A net: every port sharing one {@code SIGNAME}.
 *
 * @param name the {@code SIGNAME}
 * @param pins members as {@code <module fullpath>/<port>}, or the bare name for an external
 *     port, sorted
 */
public record Net(String name, List<String> pins) {
    public Net {
        pins = pins instanceof PinList ? pins : List.copyOf(pins); // PinList: unmodifiable already
    }
}
