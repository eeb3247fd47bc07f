package io.jynq.bench.metadata;

import java.nio.file.Files;
import java.nio.file.Path;

/** Where the benchmarks find {@code ../shared/testdata}; fails with the places it looked. */
final class SharedFiles {
    private SharedFiles() {}

    static Path testdata(String relative) {
        String dir = System.getProperty("jynq.shared.dir");
        if (dir == null || dir.isBlank()) {
            dir = Path.of(System.getProperty("jynq.home", "."), "..", "shared").toString();
        }
        Path p = Path.of(dir, "testdata", relative).toAbsolutePath().normalize();
        if (!Files.isRegularFile(p)) {
            throw new IllegalStateException("benchmark input " + p + " not found; set -Djynq.shared.dir=/path/to/shared");
        }
        return p;
    }
}
