package io.jynq.plot;

import java.util.Arrays;
import java.util.Objects;

/**
 * The full data of one live series: x and y in growing arrays, optionally keeping only the last
 * {@code window} samples (a scrolling scope view). Not thread-safe; {@link LivePlot} locks.
 */
final class GrowingSeries {
    private final long window;
    private double[] x = new double[1024];
    private double[] y = new double[1024];
    private int from;
    private int to;
    private long appended;

    /** @param window samples kept, 0 for all */
    GrowingSeries(long window) {
        this.window = window;
    }

    /** Appends {@code values} at x = the running sample count. */
    void append(Samples values) {
        long n = values.length();
        ensure(n);
        values.read(0, y, to, (int) n);
        for (int k = 0; k < n; k++) {
            x[to + k] = appended + k;
        }
        to += (int) n;
        appended += n;
        trim();
    }

    /** Replaces everything by {@code (xs, ys)}; {@code xs} null means x = 0, 1, 2... */
    void replace(Samples xs, Samples ys) {
        long n = ys.length();
        from = 0;
        to = 0;
        appended = 0;
        ensure(n);
        ys.read(0, y, 0, (int) n);
        if (xs == null) {
            Arrays.setAll(x, i -> i);
        } else {
            xs.read(0, x, 0, (int) n);
        }
        to = (int) n;
        appended = n;
        trim();
    }

    int size() {
        return to - from;
    }

    Samples xs() {
        return view(x);
    }

    Samples ys() {
        return view(y);
    }

    private Samples view(double[] a) {
        int start = from;
        int length = to - from;
        return new Samples() {
            @Override public long length() { return length; }

            @Override public double get(long i) {
                return a[start + (int) Objects.checkIndex(i, (long) length)];
            }

            @Override public void read(long at, double[] dst, int off, int count) {
                Objects.checkFromIndexSize(at, count, (long) length);
                System.arraycopy(a, start + (int) at, dst, off, count);
            }
        };
    }

    private void ensure(long more) {
        if (size() + more > Integer.MAX_VALUE - 16) {
            throw new IllegalArgumentException("a live series cannot hold more than 2^31 samples; set a window");
        }
        int need = to + (int) more;
        if (need <= x.length) {
            return;
        }
        // compact first, then grow by half again to keep appends amortised O(1)
        int size = size();
        int cap = Math.max(need - from, size + size / 2 + (int) more);
        double[] nx = new double[cap];
        double[] ny = new double[cap];
        System.arraycopy(x, from, nx, 0, size);
        System.arraycopy(y, from, ny, 0, size);
        x = nx;
        y = ny;
        to -= from;
        from = 0;
    }

    private void trim() {
        if (window > 0 && size() > window) {
            from = to - (int) window;
        }
    }
}
