package io.jynq.capi;

import java.util.List;

/**
 * A VPI library built and loaded by a simulator.
 *
 * @param name     library name
 * @param filesets filesets holding its sources
 * @param libs     external libraries to link
 */
public record Vpi(String name, List<String> filesets, List<String> libs) {

    public Vpi {
        filesets = List.copyOf(filesets);
        libs = List.copyOf(libs);
    }
}
