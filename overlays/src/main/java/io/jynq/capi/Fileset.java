package io.jynq.capi;

import io.jynq.error.SourcePosition;
import java.util.List;

/**
 * A named group of files with the cores it depends on. {@code files} and {@code depend} already
 * include their {@code _append} lists.
 *
 * @param name        fileset name
 * @param fileType    default file type of its files, or empty
 * @param logicalName default logical name, or empty
 * @param tags        default tags
 * @param files       its files, attributes resolved
 * @param depend      dependency VLNVs as written (may carry relations and conditionals)
 * @param at          where the fileset is defined
 */
public record Fileset(String name, String fileType, String logicalName, List<String> tags, List<FileEntry> files,
        List<String> depend, SourcePosition at) {

    public Fileset {
        tags = List.copyOf(tags);
        files = List.copyOf(files);
        depend = List.copyOf(depend);
    }
}
