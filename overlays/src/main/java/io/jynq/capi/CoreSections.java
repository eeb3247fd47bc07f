package io.jynq.capi;

import java.util.List;
import java.util.Map;

/**
 * Everything a core file says, as records: either as written (conditionals kept verbatim, from
 * {@link Core#sections()}) or evaluated for a set of flags ({@link Core#sections(Flags)}).
 * Maps keep file order.
 *
 * @param name        the core's VLNV
 * @param description one line, or empty
 * @param license     the license, or null
 * @param filesets    filesets by name
 * @param targets     targets by name
 * @param parameters  parameters by name
 * @param generate    generate sections by name
 * @param generators  generators by name
 * @param scripts     scripts by name
 * @param provider    the provider, or null
 * @param vpi         VPI libraries by name
 * @param virtuals    VLNVs of virtual cores this core implements
 * @param mapping     virtual-core mappings
 */
public record CoreSections(CoreVlnv name, String description, License license, Map<String, Fileset> filesets,
        Map<String, Target> targets, Map<String, Parameter> parameters, Map<String, Generate> generate,
        Map<String, Generator> generators, Map<String, Script> scripts, Provider provider, Map<String, Vpi> vpi,
        List<String> virtuals, Map<String, String> mapping) {

    public CoreSections {
        filesets = CoreRecords.frozen(filesets);
        targets = CoreRecords.frozen(targets);
        parameters = CoreRecords.frozen(parameters);
        generate = CoreRecords.frozen(generate);
        generators = CoreRecords.frozen(generators);
        scripts = CoreRecords.frozen(scripts);
        vpi = CoreRecords.frozen(vpi);
        virtuals = List.copyOf(virtuals);
        mapping = CoreRecords.frozen(mapping);
    }
}
