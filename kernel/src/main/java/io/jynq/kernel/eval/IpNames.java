package io.jynq.kernel.eval;

import java.lang.reflect.Method;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Completes IP names inside {@code ol.ip("ax|}: the keys of the variable's {@code ipDict()} (a
 * {@code Map}, PYNQ's ip_dict) or the elements of its {@code ipNames()} (a {@code Collection}).
 * Only a plain variable before {@code .ip("} is looked at, and its value is read as a field (no
 * expression of the cell is evaluated); then its {@code ipDict()} or {@code ipNames()} is called
 * reflectively, which runs user code when a notebook's Overlay subclass overrides them. The
 * overlay class is found by these method names alone, which keeps the evaluator free of any
 * dependency on the object model.
 */
final class IpNames {
    private static final Pattern IP_CALL = Pattern.compile("\\b([A-Za-z_$][\\w$]*)\\s*\\.\\s*ip\\(\\s*\"([\\w$/.-]*)\\z");

    private IpNames() {
    }

    /** @return the IP names that start with what is typed, or null if the cursor is not in an ip(" call */
    static CodeAssist.Completion complete(JShellEvaluator evaluator, String code, int at) {
        Matcher m = IP_CALL.matcher(code.substring(0, at));
        if (!m.find()) {
            return null;
        }
        String prefix = m.group(2);
        Optional<Object> overlay = evaluator.variable(m.group(1));
        if (overlay.isEmpty()) {
            return null;
        }
        List<String> names = names(overlay.get()).stream().filter(n -> n.startsWith(prefix)).sorted()
                .collect(Collectors.toList());
        return names.isEmpty() ? null : new CodeAssist.Completion(names, at - prefix.length(), at);
    }

    private static Collection<String> names(Object overlay) {
        for (String method : new String[] {"ipDict", "ipNames"}) {
            try {
                Method mth = overlay.getClass().getMethod(method);
                mth.setAccessible(true);
                Object v = mth.invoke(overlay);
                if (v instanceof Map) {
                    return ((Map<?, ?>) v).keySet().stream().map(String::valueOf).collect(Collectors.toList());
                }
                if (v instanceof Collection) {
                    return ((Collection<?>) v).stream().map(String::valueOf).collect(Collectors.toList());
                }
            } catch (ReflectiveOperationException | RuntimeException e) {
                // not an overlay-like object, or its method failed: no IP names
            }
        }
        return List.of();
    }
}
