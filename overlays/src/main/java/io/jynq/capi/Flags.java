package io.jynq.capi;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The flags a core is evaluated against, as FuseSoC passes them: a map from name to
 * {@code true}, {@code false} or a value. A conditional {@code flag ? (...)} tests whether
 * {@code flag} is <em>defined</em>: {@code name: true} defines {@code name}; {@code name: value}
 * defines {@code name_value} (so {@code tool: icarus} defines {@code tool_icarus} and
 * {@code target: sim} defines {@code target_sim}); {@code false} defines nothing.
 *
 * <p>{@code target} picks the target only together with {@code is_toplevel: true}; otherwise
 * the target {@code default} is used, as FuseSoC does for a core used as a dependency.
 *
 * <pre>{@code
 * Flags f = Flags.of().target("sim").tool("icarus").toplevel(true).with("mdu");
 * f.defined();   // [is_toplevel, mdu, target_sim, tool_icarus]
 * }</pre>
 *
 * @param values flag names to values (Boolean, String or a number); copied, order kept
 */
public record Flags(Map<String, Object> values) {

    public Flags {
        values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
    }

    /** No flags: the {@code default} target, nothing defined. */
    public static Flags of() {
        return new Flags(Map.of());
    }

    /** These flags with {@code name} set to {@code value}. */
    public Flags with(String name, Object value) {
        Map<String, Object> m = new LinkedHashMap<>(values);
        m.put(name, value);
        return new Flags(m);
    }

    /** These flags with the user flag {@code name} set to true. */
    public Flags with(String name) {
        return with(name, Boolean.TRUE);
    }

    /** These flags with {@code target} set. */
    public Flags target(String target) {
        return with("target", target);
    }

    /** These flags with {@code tool} set (defines {@code tool_<tool>}). */
    public Flags tool(String tool) {
        return with("tool", tool);
    }

    /** These flags with {@code is_toplevel} set. */
    public Flags toplevel(boolean isToplevel) {
        return with("is_toplevel", isToplevel);
    }

    /** Every flag {@code this} defines, as conditionals see them, sorted. */
    public Set<String> defined() {
        Set<String> out = new TreeSet<>();
        for (Map.Entry<String, Object> e : values.entrySet()) {
            Object v = e.getValue();
            if (Boolean.TRUE.equals(v)) {
                out.add(e.getKey());
            } else if (v != null && !Boolean.FALSE.equals(v)) {
                out.add(e.getKey() + "_" + v);
            }
        }
        return out;
    }

    /** The target these flags select: {@code target} when {@code is_toplevel} is true, else {@code default}. */
    public String selectedTarget() {
        Object t = values.get("target");
        return Boolean.TRUE.equals(values.get("is_toplevel")) && t != null && !"".equals(t) ? t.toString() : "default";
    }
}
