package io.jynq.kernel.eval;

import java.net.URL;
import java.net.URLClassLoader;
import javax.tools.StandardJavaFileManager;
import javax.tools.StandardLocation;

/**
 * The snippet compiler's file manager, with an empty annotation processor path.
 *
 * <p>Why: JShell compiles with {@code -proc:none}, so no annotation processor ever runs on a
 * snippet; yet javac, on each of the three javac tasks of every snippet, looks for
 * {@code com.sun.source.util.Plugin} services to start (its {@code initPlugins} iterates a
 * {@link java.util.ServiceLoader} over the processor path, which is the class path when none is
 * set). That opened a class loader over the compile class path and searched every jar of the
 * kernel's own class path for the service file: 5% of the evaluating thread's CPU on a
 * {@code 1+1} cell in cells 101 to 300 (JFR, in-process, the kernel's imports). And a jar a user
 * adds with {@code %classpath} or {@code %maven} that registers a javac plugin (an error-prone or
 * checker jar) was instantiated by that search, so a plugin that failed to load failed every cell.
 * With an empty processor path the search finds nothing at once; snippets never asked for a
 * plugin ({@code -Xplugin}) anyway.
 */
final class NoPluginSearch extends ForwardingStandardFileManager {
    /** No URLs, and the bootstrap loader as parent: no class path jar is searched. */
    private final ClassLoader empty = new URLClassLoader(new URL[0], null);

    NoPluginSearch(StandardJavaFileManager standard) {
        super(standard);
    }

    @Override
    public boolean hasLocation(Location location) {
        return location == StandardLocation.ANNOTATION_PROCESSOR_PATH || super.hasLocation(location);
    }

    @Override
    public ClassLoader getClassLoader(Location location) {
        return location == StandardLocation.ANNOTATION_PROCESSOR_PATH ? empty : super.getClassLoader(location);
    }
}
