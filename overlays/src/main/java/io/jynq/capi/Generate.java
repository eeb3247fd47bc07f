package io.jynq.capi;

import io.jynq.error.SourcePosition;
import java.util.Map;

/**
 * A generate section: one use of a generator, with its parameters.
 *
 * @param name       section name
 * @param generator  generator name (from this core or a dependency)
 * @param position   first, prepend, append (default) or last: where generated files go
 * @param parameters the generator's configuration
 * @param at         where the section is defined
 */
public record Generate(String name, String generator, String position, Map<String, Object> parameters,
        SourcePosition at) {

    public Generate {
        parameters = CoreRecords.frozen(parameters);
    }
}
