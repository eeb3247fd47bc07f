package io.jynq.overlay.pkg;

import io.jynq.error.SourcePosition;
import java.nio.file.Path;

/**
 * One file of an overlay package.
 *
 * @param path    absolute path of the file
 * @param role    what it is for
 * @param library for C sources and headers, the native library they build (the file's CAPI2
 *                {@code logical_name}, else the package's name); for an RTL core, the IP instance
 *                it simulates (its {@code logical_name}); empty for other files
 * @param at      where the core names it
 */
public record PackageFile(Path path, FileRole role, String library, SourcePosition at) {}
