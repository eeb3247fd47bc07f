package io.jynq.capi;

import io.jynq.error.SourcePosition;
import java.util.List;
import java.util.Map;

/**
 * A target: what to build or simulate, with which tool or flow, from which filesets. List keys
 * already include their {@code _append} lists.
 *
 * @param name        target name ({@code default} is used when the core is a dependency)
 * @param description one line, or empty
 * @param defaultTool legacy Tool API tool (icarus, verilator, vivado...), or empty
 * @param flow        Flow API flow (sim, lint, vivado...), or empty
 * @param flowOptions flow options by name
 * @param toplevel    top-level module names (a string is a one-item list)
 * @param filesets    fileset names in order
 * @param filters     filter names
 * @param parameters  parameter references, each {@code name} or {@code name=value}
 * @param vpi         VPI library names
 * @param generate    generate sections to run
 * @param tools       tool name to its options
 * @param flags       target flags ({@code name: value})
 * @param hooks       scripts to run around build and run
 * @param at          where the target is defined
 */
public record Target(String name, String description, String defaultTool, String flow, Map<String, Object> flowOptions,
        List<String> toplevel, List<String> filesets, List<String> filters, List<String> parameters, List<String> vpi,
        List<GenerateRef> generate, Map<String, Map<String, Object>> tools, Map<String, Object> flags, Hooks hooks,
        SourcePosition at) {

    public Target {
        flowOptions = CoreRecords.frozen(flowOptions);
        toplevel = List.copyOf(toplevel);
        filesets = List.copyOf(filesets);
        filters = List.copyOf(filters);
        parameters = List.copyOf(parameters);
        vpi = List.copyOf(vpi);
        generate = List.copyOf(generate);
        tools = CoreRecords.frozen(tools);
        flags = CoreRecords.frozen(flags);
    }

    /** The top level as FuseSoC passes it to tools: the names joined by spaces. */
    public String toplevelString() {
        return String.join(" ", toplevel);
    }
}
