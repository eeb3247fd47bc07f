package io.jynq.capi;

import java.util.List;
import java.util.Map;

/**
 * A target evaluated for a set of flags: conditionals applied, names looked up, parameter values
 * typed. This is what a tool flow or an overlay package loader consumes.
 *
 * @param core        the core's VLNV
 * @param target      the target's name ({@code default} when the flags select none)
 * @param flags       the flags it was evaluated with
 * @param tool        the {@code tool} flag, else the target's default_tool, else the flow's
 *                    {@code tool} option, else empty
 * @param flow        the Flow API flow, or empty
 * @param flowOptions flow options
 * @param toolOptions the options under {@code tools.<tool>}, empty when none
 * @param toplevel    top-level names (empty when the target names none)
 * @param filesets    the filesets, in the target's order
 * @param files       their files, in order (duplicates kept, as FuseSoC keeps them)
 * @param depends     the filesets' dependencies
 * @param parameters  parameters by name, {@code defaultValue} typed by datatype
 *                    (Boolean, Long, Double, String) and overridden by {@code name=value}
 * @param hooks       hook name (pre_build, post_build, pre_run, post_run) to its scripts
 * @param generate    generator runs
 * @param filters     filter names
 * @param vpi         VPI libraries sorted by name
 */
public record ResolvedTarget(CoreVlnv core, String target, Flags flags, String tool, String flow,
        Map<String, Object> flowOptions, Map<String, Object> toolOptions, List<String> toplevel, List<Fileset> filesets,
        List<FileEntry> files, List<CoreVlnv> depends, Map<String, Parameter> parameters, Map<String, List<Script>> hooks,
        List<GeneratorInstance> generate, List<String> filters, List<VpiLibrary> vpi) {

    public ResolvedTarget {
        flowOptions = CoreRecords.frozen(flowOptions);
        toolOptions = CoreRecords.frozen(toolOptions);
        toplevel = List.copyOf(toplevel);
        filesets = List.copyOf(filesets);
        files = List.copyOf(files);
        depends = List.copyOf(depends);
        parameters = CoreRecords.frozen(parameters);
        hooks = CoreRecords.frozen(hooks);
        generate = List.copyOf(generate);
        filters = List.copyOf(filters);
        vpi = List.copyOf(vpi);
    }

    /**
     * The files whose {@code file_type} is one of {@code fileTypes}, in order; e.g. an overlay
     * package's bitstream, metadata and device descriptions by the types its core gives them.
     */
    public List<FileEntry> filesOfType(String... fileTypes) {
        List<String> wanted = List.of(fileTypes);
        return files.stream().filter(f -> wanted.contains(f.fileType())).toList();
    }

    /** The file names in order. */
    public List<String> fileNames() {
        return files.stream().map(FileEntry::name).toList();
    }
}
