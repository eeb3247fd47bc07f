package io.jynq.plot;

import java.nio.ByteBuffer;
import java.nio.DoubleBuffer;
import java.nio.FloatBuffer;
import java.nio.IntBuffer;
import java.nio.LongBuffer;
import java.nio.ShortBuffer;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.stream.Collectors;
import tech.tablesaw.api.NumericColumn;

/** Turns a value of any supported type into {@link Samples}: built-in types, then adapters. */
final class SamplesResolver {
    private static final String BUILT_IN = "double[], float[], long[], int[], short[], byte[], "
        + "DoubleBuffer, FloatBuffer, LongBuffer, IntBuffer, ShortBuffer, a Tablesaw NumericColumn, "
        + "a Collection or array of Numbers, Samples";

    /** Loaded once: adapters come from the class path, which does not change in a session. */
    private static final List<SamplesAdapter> ADAPTERS = ServiceLoader
        .load(SamplesAdapter.class, SamplesAdapter.class.getClassLoader()).stream()
        .map(ServiceLoader.Provider::get).collect(Collectors.toUnmodifiableList());

    private SamplesResolver() {
    }

    static Samples resolve(Object data) {
        if (data == null) {
            throw new IllegalArgumentException("cannot plot null: expected " + supported());
        }
        Samples builtIn = builtIn(data);
        if (builtIn != null) {
            return builtIn;
        }
        for (SamplesAdapter adapter : ADAPTERS) {
            Optional<Samples> s = adapter.adapt(data);
            if (s.isPresent()) {
                return s.get();
            }
        }
        if (data instanceof ByteBuffer) {
            throw new IllegalArgumentException("a ByteBuffer needs its element type: "
                + "Samples.of(buf.order(ByteOrder.LITTLE_ENDIAN), ElementType.INT16)");
        }
        throw new IllegalArgumentException("cannot plot " + data.getClass().getName()
            + ": expected " + supported());
    }

    private static Samples builtIn(Object d) {
        if (d instanceof Samples) return (Samples) d;
        if (d instanceof double[]) return Samples.of((double[]) d);
        if (d instanceof float[]) return Samples.of((float[]) d);
        if (d instanceof long[]) return Samples.of((long[]) d);
        if (d instanceof int[]) return Samples.of((int[]) d);
        if (d instanceof short[]) return Samples.of((short[]) d);
        if (d instanceof byte[]) return Samples.of((byte[]) d);
        if (d instanceof DoubleBuffer) return Samples.of((DoubleBuffer) d);
        if (d instanceof FloatBuffer) return Samples.of((FloatBuffer) d);
        if (d instanceof LongBuffer) return Samples.of((LongBuffer) d);
        if (d instanceof IntBuffer) return Samples.of((IntBuffer) d);
        if (d instanceof ShortBuffer) return Samples.of((ShortBuffer) d);
        if (d instanceof NumericColumn) return Samples.of((NumericColumn<?>) d);
        if (d instanceof Number[]) return ListSamples.of(Arrays.asList((Number[]) d));
        if (d instanceof Collection) return ListSamples.of((Collection<?>) d);
        return null;
    }

    private static String supported() {
        StringBuilder s = new StringBuilder(BUILT_IN);
        for (SamplesAdapter a : ADAPTERS) {
            s.append(", ").append(a.describe());
        }
        return s.append(" (a ByteBuffer through Samples.of(buf, ElementType))").toString();
    }
}
