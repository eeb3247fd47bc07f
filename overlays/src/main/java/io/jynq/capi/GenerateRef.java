package io.jynq.capi;

import java.util.Map;

/**
 * A target's use of a generate section, with parameters that override the section's own
 * ({@code generate: [ice40pll: {freq_out: 16}]}).
 *
 * @param name   key of the core's {@code generate} section
 * @param params overriding parameters, empty when the target names the section alone
 */
public record GenerateRef(String name, Map<String, Object> params) {

    public GenerateRef {
        params = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(params));
    }
}
