package io.jynq.bench.metadata;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A/B of the {@code .hwh} parser of two or more builds in one JVM, for a machine too loaded for
 * separate JMH forks to compare (2 cores shared by many builds: run-to-run spread of 2x). Each
 * build's overlays jar gets its own class loader (one shared parent with the native jar and Gson),
 * and {@code HwhParser.parse} of each is called in turn, parse by parse, rotating who goes first:
 * every build meets the same load at the same moments, so the per-round ratios of thread CPU time
 * are what the code costs. List the first build twice to see the method's own spread (A/A).
 *
 * <pre>
 * java -cp bench/target/benchmarks.jar io.jynq.bench.metadata.ParserAb FILE.hwh WARM ROUNDS \
 *     native.jar:gson.jar before=A/overlays.jar after=B/overlays.jar before_again=A/overlays.jar
 * </pre>
 * Prints per build the median, 25th percentile and minimum ms per parse, and the median and
 * quartiles of its per-round ratio to the first build.
 */
public final class ParserAb {
    private ParserAb() {}

    public static void main(String[] a) throws Throwable {
        byte[] c = Files.readAllBytes(Path.of(a[0]));
        int warm = Integer.parseInt(a[1]), rounds = Integer.parseInt(a[2]);
        List<URL> parentUrls = new ArrayList<>();
        for (String p : a[3].split(":")) parentUrls.add(Path.of(p).toUri().toURL());
        ClassLoader parent = new URLClassLoader(parentUrls.toArray(new URL[0]), ClassLoader.getPlatformClassLoader());
        int n = a.length - 4;
        String[] names = new String[n];
        MethodHandle[] parse = new MethodHandle[n];
        for (int i = 0; i < n; i++) {
            String[] kv = a[4 + i].split("=", 2);
            names[i] = kv[0];
            ClassLoader l = new URLClassLoader(new URL[] {Path.of(kv[1]).toUri().toURL()}, parent);
            Class<?> hp = Class.forName("io.jynq.metadata.HwhParser", true, l);
            parse[i] = MethodHandles.publicLookup().findStatic(hp, "parse",
                    MethodType.methodType(Class.forName("io.jynq.metadata.OverlayMetadata", false, l), byte[].class, String.class));
        }
        ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        Object sink = null;
        long[][] t = new long[n][rounds];
        for (int r = -warm; r < rounds; r++) {
            for (int k = 0; k < n; k++) {
                int i = Math.floorMod(r + k, n); // rotate who goes first
                long t0 = mx.getCurrentThreadCpuTime();
                sink = parse[i].invoke(c, "x.hwh");
                long dt = mx.getCurrentThreadCpuTime() - t0;
                if (r >= 0) t[i][r] = dt;
            }
        }
        for (int i = 0; i < n; i++) {
            long[] s = t[i].clone();
            Arrays.sort(s);
            double[] ratio = new double[rounds];
            for (int r = 0; r < rounds; r++) ratio[r] = (double) t[i][r] / t[0][r];
            Arrays.sort(ratio);
            System.out.printf("%-7s median %.2f ms  p25 %.2f  min %.2f   ratio to %s: median %.3f (p25 %.3f, p75 %.3f)%n",
                    names[i], s[rounds / 2] / 1e6, s[rounds / 4] / 1e6, s[0] / 1e6, names[0], ratio[rounds / 2],
                    ratio[rounds / 4], ratio[3 * rounds / 4]);
        }
        if (sink == null) System.out.println();
    }
}
