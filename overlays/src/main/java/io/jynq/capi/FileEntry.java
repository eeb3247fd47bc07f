package io.jynq.capi;

import io.jynq.error.SourcePosition;
import java.util.List;
import java.util.Map;

/**
 * One file of a fileset with its attributes, the fileset's {@code file_type}, {@code logical_name}
 * and {@code tags} applied where the file sets none (FuseSoC {@code CoreData._setup_file}).
 * Absent text attributes are empty strings.
 *
 * @param name          path relative to the core's folder (or, unexpanded, a conditional such as
 *                      {@code "tool_verilator? (data/waiver.vlt)"})
 * @param fileType      e.g. verilogSource, vhdlSource, user, xdc
 * @param logicalName   VHDL library, or empty
 * @param isIncludeFile true for a Verilog include file
 * @param includePath   explicit include directory, or empty
 * @param define        per-file defines
 * @param tags          tags
 * @param copyto        where the file is copied in the work root, or empty
 * @param at            where the file is named
 */
public record FileEntry(String name, String fileType, String logicalName, boolean isIncludeFile, String includePath,
        Map<String, Object> define, List<String> tags, String copyto, SourcePosition at) {

    public FileEntry {
        define = Map.copyOf(define);
        tags = List.copyOf(tags);
    }
}
