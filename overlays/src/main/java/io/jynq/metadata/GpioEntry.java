package io.jynq.metadata;

import java.util.List;

/**
 * A PS GPIO (EMIO) pin sliced out by an {@code xlslice} (PYNQ's {@code gpio_dict} entry).
 *
 * @param name the xlslice's fullpath, e.g. {@code audio_path_sel}
 * @param index the PS GPIO user index, the slice's {@code DIN_FROM}
 * @param pins every pin on the slice's output net, {@code <fullpath>/<port>}, sorted
 */
public record GpioEntry(String name, int index, List<String> pins) {
    public GpioEntry {
        pins = List.copyOf(pins);
    }
}
