package io.jynq.kernel.eval;

import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Collection;
import java.util.List;
import javax.tools.FileObject;
import javax.tools.ForwardingJavaFileManager;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;

/**
 * The compiler's file manager for a session, which keeps JShell from indexing the class path
 * until code completion first needs it.
 *
 * <p>Why: JShell builds, as soon as a session first analyses a cell, an index of every class of
 * the JDK image and of every class path jar (simple name to qualified names, and the package
 * list), in a static map that lives as long as the JVM. Only completion reads it (package names
 * after {@code import java.}, and "fix imports"). Measured with a heap dump after all tutorials
 * ({@code ./jynq bench memory --memory 512m}, issue 19's note): the index held 16 MB of the 70 MB
 * live heap, and the JDK image nodes its walk left cached another 5 MB; building it also costs
 * seconds of CPU on a board's core while the first cells run. Running cells never needs it.
 *
 * <p>How: JShell's indexer asks the file manager for the class path locations
 * ({@code getLocationAsPaths}); while completion has not been asked for, that call answers no
 * paths when made by JShell's indexer, so the index is empty. {@link #want()} lets the next
 * refresh through; the caller then makes JShell refresh (any class path change does). Every
 * other call is forwarded unchanged. If a later JDK renames the indexer method, the index is
 * built as before: memory, not behaviour, is lost.
 */
final class DeferredClassIndex extends ForwardingJavaFileManager<StandardJavaFileManager>
        implements StandardJavaFileManager {
    private static final StackWalker STACK = StackWalker.getInstance();
    private volatile boolean wanted;

    DeferredClassIndex(StandardJavaFileManager standard) {
        super(standard);
    }

    /**
     * Lets JShell's indexer see the class path from now on.
     *
     * @return true the first time, when the caller must make JShell refresh its index
     */
    synchronized boolean want() {
        if (wanted) {
            return false;
        }
        wanted = true;
        return true;
    }

    @Override
    public Iterable<? extends Path> getLocationAsPaths(Location location) {
        if (!wanted && calledByIndexer()) {
            return List.of();
        }
        return fileManager.getLocationAsPaths(location);
    }

    private static boolean calledByIndexer() {
        return STACK.walk(frames -> frames.limit(12).anyMatch(f -> f.getMethodName().equals("refreshIndexes")
                && f.getClassName().equals("jdk.jshell.SourceCodeAnalysisImpl")));
    }

    // StandardJavaFileManager's own methods, forwarded (ForwardingJavaFileManager has the rest)

    @Override
    public boolean isSameFile(FileObject a, FileObject b) {
        return fileManager.isSameFile(a, b);
    }

    @Override
    public Iterable<? extends JavaFileObject> getJavaFileObjectsFromFiles(Iterable<? extends File> files) {
        return fileManager.getJavaFileObjectsFromFiles(files);
    }

    @Override
    public Iterable<? extends JavaFileObject> getJavaFileObjectsFromPaths(Collection<? extends Path> paths) {
        return fileManager.getJavaFileObjectsFromPaths(paths);
    }

    @Override
    @SuppressWarnings("deprecation")
    public Iterable<? extends JavaFileObject> getJavaFileObjectsFromPaths(Iterable<? extends Path> paths) {
        return fileManager.getJavaFileObjectsFromPaths(paths);
    }

    @Override
    public Iterable<? extends JavaFileObject> getJavaFileObjects(File... files) {
        return fileManager.getJavaFileObjects(files);
    }

    @Override
    public Iterable<? extends JavaFileObject> getJavaFileObjectsFromStrings(Iterable<String> names) {
        return fileManager.getJavaFileObjectsFromStrings(names);
    }

    @Override
    public Iterable<? extends JavaFileObject> getJavaFileObjects(String... names) {
        return fileManager.getJavaFileObjects(names);
    }

    @Override
    public Iterable<? extends JavaFileObject> getJavaFileObjects(Path... paths) {
        return fileManager.getJavaFileObjects(paths);
    }

    @Override
    public void setLocation(Location location, Iterable<? extends File> files) throws IOException {
        fileManager.setLocation(location, files);
    }

    @Override
    public void setLocationFromPaths(Location location, Collection<? extends Path> paths) throws IOException {
        fileManager.setLocationFromPaths(location, paths);
    }

    @Override
    public void setLocationForModule(Location location, String moduleName, Collection<? extends Path> paths)
            throws IOException {
        fileManager.setLocationForModule(location, moduleName, paths);
    }

    @Override
    public Iterable<? extends File> getLocation(Location location) {
        return fileManager.getLocation(location);
    }

    @Override
    public Path asPath(FileObject file) {
        return fileManager.asPath(file);
    }

    @Override
    public void setPathFactory(PathFactory factory) {
        fileManager.setPathFactory(factory);
    }
}
