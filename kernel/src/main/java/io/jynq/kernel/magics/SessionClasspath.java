package io.jynq.kernel.magics;

import java.nio.file.Path;

/** What {@code %maven} and {@code %classpath} need of the kernel: adding a jar or class folder to the running session. */
public interface SessionClasspath {
    /**
     * Makes the classes under {@code path} visible to later snippets (compiler and class loader).
     *
     * @param path a jar or a folder of classes; must exist
     */
    void addToClasspath(Path path);
}
