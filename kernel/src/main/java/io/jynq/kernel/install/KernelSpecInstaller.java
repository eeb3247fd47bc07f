package io.jynq.kernel.install;

import io.jynq.config.JynqConfig;
import io.jynq.config.Setting;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Writes a {@link KernelSpec} into {@code <kernels dir>/<name>/}: kernel.json, logo-32x32.png and
 * logo-64x64.png. Replaces an existing JYNQ kernelspec of the same name.
 */
public final class KernelSpecInstaller {
    private KernelSpecInstaller() {
    }

    /** Where Jupyter looks for kernelspecs for each install scope. */
    public enum Scope {
        /** ~/.local/share/jupyter/kernels (or $JUPYTER_DATA_DIR/kernels). */
        USER,
        /** sys.prefix of Debian's Jupyter: /usr/share/jupyter/kernels. */
        SYS_PREFIX,
        /** PREFIX/share/jupyter/kernels (needs JUPYTER_PATH=PREFIX/share/jupyter to be found). */
        PREFIX
    }

    /**
     * The kernels directory of a scope.
     *
     * @param prefix the prefix for {@link Scope#PREFIX}, ignored otherwise
     */
    public static Path kernelsDir(Scope scope, Path prefix) {
        switch (scope) {
            case USER:
                JynqConfig config = JynqConfig.current();
                return config.path(Setting.JUPYTER_DATA_DIR).orElseGet(() -> config.home().resolve(".local/share/jupyter"))
                        .resolve("kernels");
            case SYS_PREFIX:
                return Path.of("/usr/share/jupyter/kernels");
            default:
                if (prefix == null) {
                    throw new IllegalArgumentException("--prefix needs a directory");
                }
                return prefix.toAbsolutePath().resolve("share/jupyter/kernels");
        }
    }

    /**
     * Writes the kernelspec.
     *
     * @return the kernelspec directory written
     * @throws UncheckedIOException naming the directory if it cannot be written (e.g. SYS_PREFIX without root)
     */
    public static Path install(KernelSpec spec, Path kernelsDir) {
        Path dir = kernelsDir.resolve(spec.name());
        try {
            Files.createDirectories(dir);
            Files.writeString(dir.resolve("kernel.json"), spec.toJson());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write kernelspec into " + dir + ": " + e, e);
        }
        Logo.write(32, dir.resolve("logo-32x32.png"));
        Logo.write(64, dir.resolve("logo-64x64.png"));
        return dir;
    }
}
