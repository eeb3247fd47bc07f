package io.jynq.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jynq.kernel.eval.DefaultImports;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Every simple name a cell sees by default means one class (issue 11), and the kernel, which
 * imports those classes name by name, gives each the meaning {@code import PKG.*;} gives it.
 */
class DefaultImportsTest {
    private static final Pattern ON_DEMAND = Pattern.compile("import ([\\w.]+)\\.\\*;");
    private static final Pattern SINGLE = Pattern.compile("import ([\\w.]+)\\.(\\w+);");

    @Test
    void theJshellToolsDefaultsAndJavaTimeAreImported() {
        String imports = Startup.imports(getClass().getClassLoader());
        for (String p : List.of("java.util", "java.util.stream", "java.util.function", "java.util.concurrent",
                "java.io", "java.nio.file", "java.math", "java.net", "java.util.regex", "java.time")) {
            assertTrue(imports.contains("import " + p + ".*;\n"), p);
        }
    }

    @Test
    void noSimpleNameIsAmbiguous() {
        ClassLoader loader = getClass().getClassLoader();
        String imports = Startup.imports(loader);
        List<String> packages = new ArrayList<>(List.of("java.lang"));
        Matcher m = ON_DEMAND.matcher(imports);
        while (m.find()) {
            packages.add(m.group(1));
        }
        Map<String, String> single = new TreeMap<>();
        Matcher s = SINGLE.matcher(imports);
        while (s.find()) {
            single.put(s.group(2), s.group(1));
        }
        Map<String, List<String>> owners = new TreeMap<>();
        for (String p : packages) {
            for (String name : DefaultImports.publicNames(p, loader)) {
                owners.computeIfAbsent(name, k -> new ArrayList<>()).add(p);
            }
        }
        List<String> ambiguous = new ArrayList<>();
        owners.forEach((name, in) -> {
            if (in.size() > 1 && !(single.containsKey(name) && in.contains(single.get(name)))) {
                ambiguous.add(name + " in " + in);
            }
        });
        assertEquals(List.of(), ambiguous, "add a single-type import to Startup.PREFERRED for each");
        assertTrue(owners.size() > 500, "sanity: the scan saw the packages (" + owners.size() + " names)");
        // the kernel's name-by-name imports mean what the on-demand imports meant
        DefaultImports lazy = new DefaultImports(loader, Startup.defaultPackages(loader));
        Set<String> javaLang = DefaultImports.publicNames("java.lang", loader);
        List<String> different = new ArrayList<>();
        owners.forEach((name, in) -> {
            if (single.containsKey(name)) {
                return; // imported at startup by name
            }
            String meant = in.contains("java.lang") ? null : in.get(0) + "." + name;
            String got = lazy.resolve(name).orElse(null);
            if (!java.util.Objects.equals(meant, got)) {
                different.add(name + ": " + meant + " vs " + got);
            }
        });
        assertEquals(List.of(), different);
        assertEquals(List.of("Duration"), lazy.namesStartingWith("Durat"), "completion sees names not imported yet");
        assertTrue(javaLang.contains("String"));
        Set<String> timeNames = DefaultImports.publicNames("java.time", loader);
        assertTrue(timeNames.contains("Duration") && timeNames.contains("Instant"), timeNames.toString());
    }
}
