package io.jynq.testing;

import io.jynq.config.JynqConfig;
import io.jynq.config.Setting;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The one way tests reach {@code ../shared}, the real Vivado and FuseSoC files kept beside the
 * repository (see {@code ../shared/README.md}). Tests read them in place and never copy them.
 *
 * <p>Where the folder is missing, a test that needs it is skipped with a message; under
 * {@code CI=true} a missing folder fails the test instead, so CI can never pass by skipping.
 * The location comes from the system property {@code jynq.shared.dir} (set by the build), else
 * {@code ../shared} relative to the repository root found from the working directory.
 */
public final class SharedData {
    private SharedData() {}

    /** The shared folder, or a skip (fail under CI) when it is absent. */
    public static Path root() {
        Path dir = locate();
        if (dir == null || !Files.isDirectory(dir)) {
            String why = "shared test data not found (looked for " + describeCandidates()
                    + "); these tests need ../shared beside the repository";
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                fail(why + " and CI=true");
            }
            assumeTrue(false, why);
        }
        return dir;
    }

    /** A file below the shared folder, e.g. {@code file("testdata/hwh/pynqz1_base.hwh")}; skip or fail as {@link #root()}. */
    public static Path file(String relative) {
        Path p = root().resolve(relative);
        if (!Files.exists(p)) {
            fail("shared test file missing: " + p);
        }
        return p;
    }

    /** {@code testdata/hwh/NAME}. */
    public static Path hwh(String name) {
        return file("testdata/hwh/" + name);
    }

    /** {@code testdata/bit/NAME}. */
    public static Path bit(String name) {
        return file("testdata/bit/" + name);
    }

    /** {@code testdata/capi2/NAME}. */
    public static Path capi2(String name) {
        return file("testdata/capi2/" + name);
    }

    private static Path locate() {
        Path configured = JynqConfig.current().path(Setting.SHARED_DIR).orElse(null);
        if (configured != null) {
            return configured.toAbsolutePath().normalize();
        }
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null) {
            if (Files.exists(dir.resolve(".git")) || Files.exists(dir.resolve("jynq"))) {
                return dir.resolve("../shared").normalize();
            }
            dir = dir.getParent();
        }
        return null;
    }

    private static String describeCandidates() {
        Path p = locate();
        return p == null ? "no repository root above " + Path.of("").toAbsolutePath() : p.toString();
    }
}
