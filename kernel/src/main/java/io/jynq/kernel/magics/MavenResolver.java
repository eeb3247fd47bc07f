package io.jynq.kernel.magics;

import eu.maveniverse.maven.mima.context.Context;
import eu.maveniverse.maven.mima.context.ContextOverrides;
import eu.maveniverse.maven.mima.context.Runtimes;
import io.jynq.config.JynqConfig;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.aether.artifact.DefaultArtifact;
import org.eclipse.aether.collection.CollectRequest;
import org.eclipse.aether.graph.Dependency;
import org.eclipse.aether.resolution.ArtifactResult;
import org.eclipse.aether.resolution.DependencyRequest;
import org.eclipse.aether.resolution.DependencyResolutionException;
import org.eclipse.aether.transfer.AbstractTransferListener;
import org.eclipse.aether.transfer.TransferEvent;

/**
 * Resolves Maven coordinates to jars with Maven Resolver through MIMA (what JJava's {@code %maven}
 * uses): the user's {@code ~/.m2/settings.xml} applies (local repository, mirrors, proxies,
 * offline), and so does Maven Central as the default remote repository. {@code ~} is
 * {@code $HOME}, as for the rest of JYNQ ({@link JynqConfig#home()}): MIMA alone takes the JVM's
 * {@code user.home}, which comes from the password file and differs where Jupyter runs a kernel
 * with another {@code HOME}.
 */
final class MavenResolver {
    private MavenResolver() {
    }

    /**
     * The jars of {@code coordinates} and their runtime dependencies, in resolution order.
     *
     * @param coordinates {@code group:artifact:version} (or {@code group:artifact:ext[:classifier]:version})
     * @param offline     true to use only the local repository (as {@code mvn -o}); false leaves
     *                    the settings' own {@code <offline>} in force
     * @param progress    where each download's start and end is printed
     * @throws IllegalArgumentException if the coordinates are malformed
     * @throws IllegalStateException    if resolution fails (message names the artifact and why)
     */
    static List<Path> resolve(String coordinates, boolean offline, PrintStream progress) {
        return resolve(coordinates, offline, progress, JynqConfig.current().home().resolve(".m2"));
    }

    /** {@link #resolve(String, boolean, PrintStream)} with the Maven user home ({@code ~/.m2}) given. */
    static List<Path> resolve(String coordinates, boolean offline, PrintStream progress, Path mavenUserHome) {
        DefaultArtifact artifact;
        try {
            artifact = new DefaultArtifact(coordinates);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("\"" + coordinates + "\" is not group:artifact:version", e);
        }
        ContextOverrides.Builder overrides = ContextOverrides.create().withUserSettings(true).withMavenUserHomeOverride(mavenUserHome)
                .transferListener(new Progress(progress));
        if (offline || offlineInSettings(mavenUserHome.resolve("settings.xml"))) {
            overrides.offline(true);
        }
        try (Context context = Runtimes.INSTANCE.getRuntime().create(overrides.build())) {
            CollectRequest collect = new CollectRequest(new Dependency(artifact, "runtime"), context.remoteRepositories());
            List<Path> jars = new ArrayList<>();
            for (ArtifactResult r : context.repositorySystem()
                    .resolveDependencies(context.repositorySystemSession(), new DependencyRequest(collect, null))
                    .getArtifactResults()) {
                if (r.getArtifact() != null && r.getArtifact().getFile() != null) {
                    jars.add(r.getArtifact().getFile().toPath());
                }
            }
            return jars;
        } catch (DependencyResolutionException e) {
            throw new IllegalStateException("cannot resolve " + coordinates + ": " + e.getMessage() + why(e), e);
        }
    }

    /**
     * Whether the user's settings say {@code <offline>true</offline>}: MIMA applies their local
     * repository, mirrors and proxies but takes offline only from its overrides. A settings file
     * that cannot be read is left to MIMA to report.
     */
    private static boolean offlineInSettings(Path settingsXml) {
        if (!java.nio.file.Files.isRegularFile(settingsXml)) {
            return false;
        }
        try (java.io.InputStream in = java.nio.file.Files.newInputStream(settingsXml)) {
            return new org.apache.maven.settings.io.xpp3.SettingsXpp3Reader().read(in, false).isOffline();
        } catch (java.io.IOException | org.codehaus.plexus.util.xml.pull.XmlPullParserException e) {
            return false;
        }
    }

    /**
     * The innermost cause's words, which say what went wrong ("... in offline mode and the
     * artifact ... has not been downloaded from it before", a refused connection); the resolver's
     * own message says only "Failed to read artifact descriptor".
     */
    private static String why(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root == e || root.getMessage() == null ? "" : " (" + root.getMessage() + ")";
    }

    /** One line per download, so a long resolution shows that it is working. */
    private static final class Progress extends AbstractTransferListener {
        private final PrintStream out;

        Progress(PrintStream out) {
            this.out = out;
        }

        @Override
        public void transferStarted(TransferEvent event) {
            out.println("downloading " + event.getResource().getRepositoryUrl() + event.getResource().getResourceName());
        }

        @Override
        public void transferSucceeded(TransferEvent event) {
            out.println("downloaded " + event.getResource().getResourceName() + " ("
                    + Math.max(1, event.getTransferredBytes() / 1024) + " KiB)");
        }
    }
}
