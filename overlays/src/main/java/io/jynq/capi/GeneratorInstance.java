package io.jynq.capi;

import java.util.Map;

/**
 * One generator run a resolved target asks for (FuseSoC's "ttptttg").
 *
 * @param name      the generate section's name
 * @param generator the generator to run
 * @param position  first, prepend, append or last
 * @param config    the section's parameters with the target's overrides merged in
 */
public record GeneratorInstance(String name, String generator, String position, Map<String, Object> config) {

    public GeneratorInstance {
        config = CoreRecords.frozen(config);
    }
}
