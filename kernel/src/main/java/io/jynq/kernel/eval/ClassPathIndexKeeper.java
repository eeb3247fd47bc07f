package io.jynq.kernel.eval;

import java.util.Iterator;
import java.util.List;
import javax.tools.StandardJavaFileManager;

/**
 * javac's standard file manager, except that it keeps its class path index from one compile to
 * the next. Why: javac's {@code JavacTool.getTask} passes {@code --multi-release} to the file
 * manager on every task, and the standard file manager drops its index of every class path
 * jar's directories on any file-manager option (JDK 17 to 25, {@code JavacFileManager.handleOption}),
 * so JShell rebuilt the index of all its jars for each of the two to five javac tasks of every
 * snippet (profiled: 5–7% of a {@code 1+1} cell's CPU). Repeating the value it already has changes
 * nothing, so such a repeat is answered here; every other option, and a changed value, reaches
 * the file manager (and resets its index) as before, so {@code %classpath} and {@code %maven}
 * still take effect.
 */
final class ClassPathIndexKeeper extends ForwardingStandardFileManager {
    private static final String MULTI_RELEASE = "--multi-release";

    private String multiRelease;

    ClassPathIndexKeeper(StandardJavaFileManager standard) {
        super(standard);
    }

    @Override
    public synchronized boolean handleOption(String current, Iterator<String> remaining) {
        if (!MULTI_RELEASE.equals(current) || !remaining.hasNext()) {
            return super.handleOption(current, remaining);
        }
        String value = remaining.next();
        if (value.equals(multiRelease)) {
            return true;
        }
        boolean handled = super.handleOption(current, List.of(value).iterator());
        multiRelease = handled ? value : null;
        return handled;
    }
}
