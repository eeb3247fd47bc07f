package io.jynq.config;

import java.io.File;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Properties;
import java.util.function.Function;

/**
 * The one reader of JYNQ's settings ({@link Setting}): a system property wins over the
 * environment variable of the same setting, a blank value counts as unset, and a malformed value
 * throws {@link InvalidSettingException} naming the variable. Defaults under the user's home
 * start at {@link #home()}: {@code $HOME}, else {@code user.home} (so {@code HOME=/tmp/x}
 * moves the kernelspec, the simulated board, the caches and the history together).
 * <pre>{@code
 * Path cache = JynqConfig.current().cacheDir();             // -Djynq.cache.dir, $JYNQ_CACHE_DIR, ~/.jynq/cache
 * JynqConfig.of(Map.of("JYNQ_SIM_DIR", "/tmp/b"), Map.of()).path(Setting.SIM_DIR)   // Optional[/tmp/b]
 * }</pre>
 * Values are read when asked, not cached: a test that sets a property sees it on the next call.
 */
public final class JynqConfig {
    private final Function<String, String> env;
    private final Function<String, String> properties;

    private JynqConfig(Function<String, String> env, Function<String, String> properties) {
        this.env = env;
        this.properties = properties;
    }

    /** This process's environment and system properties. */
    public static JynqConfig current() {
        Properties p = System.getProperties();
        return new JynqConfig(System::getenv, p::getProperty);
    }

    /** Settings from the given maps (for tests and for a child process's environment). */
    public static JynqConfig of(Map<String, String> env, Map<String, String> properties) {
        Map<String, String> e = Map.copyOf(env);
        Map<String, String> p = Map.copyOf(properties);
        return new JynqConfig(e::get, p::get);
    }

    /** The value: the system property if set, else the environment variable; empty if neither (or blank). */
    public Optional<String> value(Setting s) {
        return Optional.ofNullable(source(s)).map(src -> raw(s, src).strip());
    }

    /** {@link #value} or {@code fallback}. */
    public String string(Setting s, String fallback) {
        return value(s).orElse(fallback);
    }

    /** Where the value comes from, {@code -Djynq.x} or {@code JYNQ_X}, or null when unset. */
    private String source(Setting s) {
        if (s.property() != null && !blank(properties.apply(s.property()))) {
            return "-D" + s.property();
        }
        if (s.env() != null && !blank(env.apply(s.env()))) {
            return s.env();
        }
        return null;
    }

    private String raw(Setting s, String source) {
        return source.startsWith("-D") ? properties.apply(s.property()) : env.apply(s.env());
    }

    private static boolean blank(String v) {
        return v == null || v.isBlank();
    }

    /**
     * The value as a path.
     *
     * @throws InvalidSettingException if it is not a path on this platform
     */
    public Optional<Path> path(Setting s) {
        return value(s).map(v -> toPath(s, v));
    }

    private Path toPath(Setting s, String v) {
        try {
            return Path.of(v);
        } catch (InvalidPathException e) {
            throw invalid(s, "is not a path: " + e.getReason(), e);
        }
    }

    /**
     * The value as a list of folders separated by {@link File#pathSeparator}; empty entries skipped.
     *
     * @throws InvalidSettingException if an entry is not a path
     */
    public List<Path> pathList(Setting s) {
        List<Path> out = new ArrayList<>();
        for (String part : value(s).map(v -> v.split(File.pathSeparator)).orElse(new String[0])) {
            if (!part.isBlank()) {
                out.add(toPath(s, part.strip()));
            }
        }
        return out;
    }

    /**
     * The value as a whole number in {@code min..max}, or {@code fallback} when unset.
     *
     * @throws InvalidSettingException if it is not a whole number or out of range
     */
    public long wholeNumber(Setting s, long fallback, long min, long max) {
        Optional<String> v = value(s);
        if (v.isEmpty()) {
            return fallback;
        }
        long n;
        try {
            n = Long.parseLong(v.get());
        } catch (NumberFormatException e) {
            throw invalid(s, "is not a whole number (" + min + ".." + max + ")", e);
        }
        if (n < min || n > max) {
            throw invalid(s, "is out of range " + min + ".." + max, null);
        }
        return n;
    }

    /**
     * An error about this setting's current value, for a reader that parses it itself (e.g. a duration).
     *
     * @param why what a good value looks like
     */
    public InvalidSettingException invalid(Setting s, String why, Throwable cause) {
        String src = Objects.requireNonNull(source(s), () -> s.label() + " is not set");
        return new InvalidSettingException(s, src, raw(s, src), why, cause);
    }

    /** The user's home: {@code $HOME}, else the {@code user.home} property. */
    public Path home() {
        String h = env.apply("HOME");
        return Path.of(blank(h) ? Objects.requireNonNull(properties.apply("user.home"), "user.home") : h);
    }

    /** JYNQ's folder in the home: {@code ~/.jynq}. */
    public Path jynqHome() {
        return home().resolve(".jynq");
    }

    /** Where bundled overlays are extracted: {@link Setting#CACHE_DIR}, else {@code ~/.jynq/cache}. */
    public Path cacheDir() {
        return path(Setting.CACHE_DIR).orElseGet(() -> jynqHome().resolve("cache"));
    }

    /** Where compiled C is cached: {@link Setting#CC_CACHE}, else {@code ~/.cache/jynq/cc}. */
    public Path ccCacheDir() {
        return path(Setting.CC_CACHE).orElseGet(() -> home().resolve(".cache").resolve("jynq").resolve("cc"));
    }

    /** Where the kernel's JVM writes a crash report: {@link Setting#CRASH_DIR}, else {@code ~/.jynq/crash}. */
    public Path crashDir() {
        return path(Setting.CRASH_DIR).orElseGet(() -> jynqHome().resolve("crash"));
    }
}
