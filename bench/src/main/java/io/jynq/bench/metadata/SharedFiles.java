package io.jynq.bench.metadata;

import io.jynq.config.JynqConfig;
import io.jynq.config.Setting;
import java.nio.file.Files;
import java.nio.file.Path;

/** Where the benchmarks find {@code ../shared/testdata}; fails with the places it looked. */
final class SharedFiles {
    private SharedFiles() {}

    static Path testdata(String relative) {
        JynqConfig config = JynqConfig.current();
        Path dir = config.path(Setting.SHARED_DIR)
                .orElseGet(() -> config.path(Setting.SOURCE_HOME).orElse(Path.of(".")).resolve("../shared"));
        Path p = dir.resolve("testdata").resolve(relative).toAbsolutePath().normalize();
        if (!Files.isRegularFile(p)) {
            throw new IllegalStateException("benchmark input " + p + " not found; set -Djynq.shared.dir=/path/to/shared");
        }
        return p;
    }
}
