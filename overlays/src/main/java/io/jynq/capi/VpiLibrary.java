package io.jynq.capi;

import java.util.List;

/**
 * A VPI library of a resolved target, with its files found in its filesets.
 *
 * @param name        library name
 * @param srcFiles    source files (not include files), in fileset order
 * @param includeDirs sorted distinct folders of its include files ("" for the core's folder)
 * @param libs        external libraries to link
 */
public record VpiLibrary(String name, List<String> srcFiles, List<String> includeDirs, List<String> libs) {

    public VpiLibrary {
        srcFiles = List.copyOf(srcFiles);
        includeDirs = List.copyOf(includeDirs);
        libs = List.copyOf(libs);
    }
}
