package io.jynq.magics;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A magic's words split into positional arguments, {@code --flag}s and {@code --option value}s.
 * Unknown {@code --words} are refused with the usage, so a typo never passes silently.
 */
public final class MagicArgs {
    private final List<String> positional;
    private final Map<String, String> options;
    private final String usage;

    private MagicArgs(List<String> positional, Map<String, String> options, String usage) {
        this.positional = positional;
        this.options = options;
        this.usage = usage;
    }

    /**
     * Splits {@code args}.
     *
     * @param flags options without a value, e.g. {@code --no-download}
     * @param valued options followed by a value, e.g. {@code --kind}
     * @param usage the magic's usage, for messages
     * @throws MagicUsageException on an unknown option or a valued option without its value
     */
    public static MagicArgs parse(List<String> args, Set<String> flags, Set<String> valued, String usage) {
        List<String> pos = new ArrayList<>();
        Map<String, String> opts = new LinkedHashMap<>();
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            if (a.startsWith("--") && a.length() > 2) {
                int eq = a.indexOf('=');
                String key = eq > 0 ? a.substring(0, eq) : a;
                if (flags.contains(key)) {
                    opts.put(key, "true");
                } else if (valued.contains(key)) {
                    String v = eq > 0 ? a.substring(eq + 1) : (i + 1 < args.size() ? args.get(++i) : null);
                    if (v == null) {
                        throw new MagicUsageException(key + " needs a value: " + usage);
                    }
                    opts.put(key, v);
                } else {
                    throw new MagicUsageException("unknown option " + key + ": " + usage);
                }
            } else {
                pos.add(a);
            }
        }
        return new MagicArgs(Collections.unmodifiableList(pos), opts, usage);
    }

    /** The words that are not options, in order. */
    public List<String> positional() {
        return positional;
    }

    /** True if the flag was given. */
    public boolean flag(String name) {
        return options.containsKey(name);
    }

    /** The option's value, or {@code fallback} if absent. */
    public String option(String name, String fallback) {
        return options.getOrDefault(name, fallback);
    }

    /**
     * The value of a valued option, checked against the allowed values.
     *
     * @throws MagicUsageException listing the allowed values if it is not one of them
     */
    public String choice(String name, String fallback, List<String> allowed) {
        String v = option(name, fallback);
        if (!allowed.contains(v)) {
            throw new MagicUsageException(name + " " + v + " is not one of " + String.join("|", allowed) + ": " + usage);
        }
        return v;
    }

    /** The usage line these were parsed against. */
    public String usage() {
        return usage;
    }
}
