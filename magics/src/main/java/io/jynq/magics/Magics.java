package io.jynq.magics;

import java.util.List;
import java.util.ServiceLoader;
import java.util.stream.Collectors;

/**
 * Finds the magics on the class path: every {@link LineMagic} and {@link CellMagic} listed in
 * {@code META-INF/services}. The kernel's adapter registers what this returns.
 */
public final class Magics {
    private Magics() {
    }

    /** The line magics found, in class-path order. */
    public static List<LineMagic> lineMagics() {
        return ServiceLoader.load(LineMagic.class, Magics.class.getClassLoader()).stream()
                .map(ServiceLoader.Provider::get).collect(Collectors.toUnmodifiableList());
    }

    /** The cell magics found, in class-path order. */
    public static List<CellMagic> cellMagics() {
        return ServiceLoader.load(CellMagic.class, Magics.class.getClassLoader()).stream()
                .map(ServiceLoader.Provider::get).collect(Collectors.toUnmodifiableList());
    }

    /**
     * The usage text a magic prints for {@code %name --help}: synopsis and help line.
     */
    public static String helpText(Magic m) {
        return m.usage() + "\n    " + m.help();
    }
}
