package io.jynq.magics;

import io.jynq.config.JynqConfig;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Expands a path argument as a shell would, since magics see their words literally: a leading
 * {@code ~/} becomes the home folder, {@code $VAR} and {@code ${VAR}} the environment variable,
 * {@code ${VAR:-default}} the variable or the default when it is unset or empty.
 */
final class PathArgs {
    private static final Pattern VAR = Pattern.compile("\\$\\{(\\w+)(?::-([^}]*))?}|\\$(\\w+)");

    private PathArgs() {
    }

    /**
     * @throws MagicUsageException naming the variable if one without a default is unset
     */
    static String expand(String word, Map<String, String> env) {
        String s = word.startsWith("~/") ? JynqConfig.current().home() + word.substring(1) : word;
        Matcher m = VAR.matcher(s);
        StringBuilder b = new StringBuilder();
        while (m.find()) {
            String name = m.group(1) != null ? m.group(1) : m.group(3);
            String value = env.get(name);
            if (value == null || value.isEmpty()) {
                value = m.group(2);
            }
            if (value == null) {
                throw new MagicUsageException("$" + name + " is not set in the kernel's environment; give the path itself"
                        + " or ${" + name + ":-default}");
            }
            m.appendReplacement(b, Matcher.quoteReplacement(value));
        }
        m.appendTail(b);
        return b.toString();
    }
}
