package io.jynq.kernel.install;

import io.jynq.config.JynqConfig;
import io.jynq.config.Setting;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

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
        /**
         * PREFIX/share/jupyter/kernels: found by the Jupyter of the Python environment at PREFIX
         * (Jupyter looks in {@code sys.prefix/share/jupyter}; PYNQ's images run Jupyter from the
         * venv /usr/local/share/pynq-venv), by any other only with JUPYTER_PATH=PREFIX/share/jupyter.
         */
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
     * Which Jupyter finds a kernelspec written under {@code --prefix}, for the user: the one of the
     * Python environment there (a venv's {@code pyvenv.cfg}, a {@code bin/python3}, or /usr/local,
     * one of Jupyter's system paths), else none without JUPYTER_PATH (a mistyped venv path).
     */
    public static String prefixFinder(Path prefix) {
        Path p = prefix.toAbsolutePath().normalize();
        boolean env = Files.isRegularFile(p.resolve("pyvenv.cfg")) || Files.isExecutable(p.resolve("bin/python3"))
                || p.equals(Path.of("/usr/local"));
        return env ? "found by the Jupyter of the Python environment " + p + " (" + p.resolve("bin/jupyter") + " kernelspec list)"
                : p + " is not a Python environment (no pyvenv.cfg, no bin/python3): Jupyter finds this kernelspec only with JUPYTER_PATH="
                + p.resolve("share/jupyter");
    }

    /**
     * Writes the kernelspec; kernel.json through a temporary file and a rename, so a Jupyter
     * listing kernelspecs meanwhile never reads half of it.
     *
     * @return the kernelspec directory written
     * @throws UncheckedIOException naming the directory if it cannot be written (e.g. SYS_PREFIX without root)
     */
    public static Path install(KernelSpec spec, Path kernelsDir) {
        Path dir = kernelsDir.resolve(spec.name());
        try {
            Files.createDirectories(dir);
            Path tmp = Files.writeString(dir.resolve(".kernel.json.tmp"), spec.toJson());
            Files.move(tmp, dir.resolve("kernel.json"), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write kernelspec into " + dir + ": " + e, e);
        }
        Logo.write(32, dir.resolve("logo-32x32.png"));
        Logo.write(64, dir.resolve("logo-64x64.png"));
        return dir;
    }
}
