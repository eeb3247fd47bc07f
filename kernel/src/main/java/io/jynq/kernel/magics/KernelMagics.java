package io.jynq.kernel.magics;

import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.dflib.jjava.jupyter.kernel.BaseKernel;
import org.dflib.jjava.jupyter.kernel.ReplacementOptions;
import org.dflib.jjava.jupyter.kernel.magic.CellMagic;
import org.dflib.jjava.jupyter.kernel.magic.LineMagic;
import org.dflib.jjava.jupyter.kernel.magic.MagicsRegistry;

/** Registers and implements {@code %lsmagic}, {@code %help}, {@code %time} and {@code %%time}; {@code %maven} and {@code %classpath} ({@link LibraryMagics}). */
public final class KernelMagics {
    private static final Pattern MAGIC_AT_CURSOR = Pattern.compile("(?m)^\\s*(%%?)(\\w*)\\z");

    static final Map<String, String> HELP = Map.of(
            "lsmagic", "%lsmagic              list the line and cell magics this kernel knows",
            "help", "%help [NAME]          this help; with NAME, the usage of that magic",
            "time", "%time STATEMENT       run one line and print its wall time\n"
                    + "%%time                 (first line of a cell) run the cell and print its wall time",
            "maven", LibraryMagics.MAVEN_USAGE,
            "classpath", LibraryMagics.CLASSPATH_USAGE);

    private KernelMagics() {
    }

    public static void register(MagicsRegistry registry) {
        registry.registerLineMagic("lsmagic", (LineMagic<Object, BaseKernel>) (kernel, args) -> {
            System.out.println(listing(kernel.getMagicsRegistry()));
            return null;
        });
        registry.registerLineMagic("help", (LineMagic<Object, BaseKernel>) (kernel, args) -> {
            help(kernel, args);
            return null;
        });
        // %time is handled before JShell (evalWithTiming); reaching it here means it was used
        // in the middle of a line, where it cannot time anything.
        registry.registerLineMagic("time", (LineMagic<Object, BaseKernel>) (kernel, args) -> {
            throw new IllegalArgumentException("%time must start a line: %time STATEMENT");
        });
        registry.registerCellMagic("time", (CellMagic<Object, BaseKernel>) (kernel, args, body) -> {
            throw new IllegalArgumentException("%%time must be the first line of the cell");
        });
        LibraryMagics.register(registry);
    }

    static String listing(MagicsRegistry registry) {
        return "Available line magics:\n  "
                + new TreeSet<>(registry.getLineMagicNames()).stream().map(n -> "%" + n).collect(Collectors.joining("  "))
                + "\n\nAvailable cell magics:\n  "
                + new TreeSet<>(registry.getCellMagicNames()).stream().map(n -> "%%" + n).collect(Collectors.joining("  "));
    }

    private static void help(BaseKernel kernel, List<String> args) throws Exception {
        if (args.isEmpty()) {
            System.out.println(kernel.getBanner() + "\n");
            HELP.values().stream().sorted().forEach(System.out::println);
            System.out.println("\n" + listing(kernel.getMagicsRegistry()));
            System.out.println("\nDisplay: display(obj) -> id, updateDisplay(id, obj), render(obj, \"image/svg+xml\")."
                    + "\nInterrupt stops the running cell; JYNQ_TIMEOUT=30s stops cells that run too long.");
            return;
        }
        String name = args.get(0).replaceFirst("^%+", "");
        if (HELP.containsKey(name)) {
            System.out.println(HELP.get(name));
        } else if (kernel.getMagicsRegistry().getLineMagicNames().contains(name)) {
            kernel.getMagicsRegistry().evalLineMagic(kernel, name, List.of("--help"));
        } else if (kernel.getMagicsRegistry().getCellMagicNames().contains(name)) {
            kernel.getMagicsRegistry().evalCellMagic(kernel, name, List.of("--help"), "");
        } else {
            throw new IllegalArgumentException("no magic %" + name + "; %lsmagic lists them");
        }
    }

    /**
     * Runs a cell through {@code eval}, first handling {@code %%time} (first line) and
     * {@code %time STATEMENT} lines, which must time JShell work and so cannot be ordinary magics
     * running inside a snippet.
     */
    public static Object evalWithTiming(String cell, Function<String, Object> eval) {
        String trimmed = cell.stripLeading();
        if (trimmed.startsWith("%%time") && (trimmed.length() == 6 || Character.isWhitespace(trimmed.charAt(6)))) {
            int nl = trimmed.indexOf('\n');
            String body = nl < 0 ? "" : trimmed.substring(nl + 1);
            return timed(body, eval);
        }
        if (!cell.contains("%time")) {
            return eval.apply(cell);
        }
        String[] lines = cell.split("\n", -1);
        Object value = null;
        StringBuilder pending = new StringBuilder();
        for (String line : lines) {
            String t = line.strip();
            if (t.startsWith("%time ") || t.equals("%time")) {
                if (pending.length() > 0) {
                    eval.apply(pending.toString());
                    pending.setLength(0);
                }
                value = timed(t.substring(5).strip(), eval);
            } else {
                pending.append(line).append('\n');
            }
        }
        return pending.toString().isBlank() ? value : eval.apply(pending.toString());
    }

    private static Object timed(String code, Function<String, Object> eval) {
        long t0 = System.nanoTime();
        try {
            return eval.apply(code);
        } finally {
            double ms = (System.nanoTime() - t0) / 1e6;
            System.out.printf("Wall time: %.1f ms%n", ms);
            System.out.flush();
        }
    }

    /**
     * Completes a magic name when the cursor ends a {@code %na} or {@code %%na} that starts a line.
     *
     * @return the options, or null if the cursor is not on a magic name
     */
    public static ReplacementOptions completeMagicName(MagicsRegistry registry, String code, int at) {
        String before = code.substring(0, Math.max(0, Math.min(at, code.length())));
        Matcher m = MAGIC_AT_CURSOR.matcher(before);
        if (!m.find()) {
            return null;
        }
        boolean cell = m.group(1).equals("%%");
        String prefix = m.group(2);
        List<String> names = (cell ? registry.getCellMagicNames() : registry.getLineMagicNames()).stream()
                .filter(n -> n.startsWith(prefix)).sorted().collect(Collectors.toList());
        return new ReplacementOptions(names, at - prefix.length(), at);
    }
}
