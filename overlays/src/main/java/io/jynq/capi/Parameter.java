package io.jynq.capi;

import io.jynq.error.SourcePosition;
/**
 * A parameter passed to the tools.
 *
 * @param name         parameter name
 * @param datatype     bool, file, int, real or str
 * @param paramtype    cmdlinearg, generic, plusarg, vlogdefine or vlogparam (unexpanded, it may
 *                     still be a conditional; {@link Core#resolve} checks it)
 * @param defaultValue Boolean, Long, Double or String as written, or null when none
 * @param description  one line, or empty
 * @param scope        scope, or empty
 * @param at           where the parameter is defined
 */
public record Parameter(String name, String datatype, String paramtype, Object defaultValue, String description,
        String scope, SourcePosition at) {}
