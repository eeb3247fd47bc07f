package io.jynq.plot;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.RandomAccess;

/**
 * A {@link Samples} view of a collection of numbers ({@code List<Double>} from a stream,
 * {@code Integer[]}...): what a JShell user often has at hand. Null elements read as NaN.
 */
final class ListSamples implements Samples {
    private final List<?> list;

    private ListSamples(List<?> list) {
        this.list = list;
    }

    /**
     * @throws IllegalArgumentException naming the first element that is not a Number
     */
    static Samples of(Collection<?> values) {
        List<?> list = values instanceof List && values instanceof RandomAccess
            ? (List<?>) values : new ArrayList<>(values);
        int i = 0;
        for (Object o : list) {
            if (o != null && !(o instanceof Number)) {
                throw new IllegalArgumentException("cannot plot element " + i + " of the collection: "
                    + o.getClass().getName() + " is not a Number");
            }
            i++;
        }
        return new ListSamples(list);
    }

    @Override
    public long length() {
        return list.size();
    }

    @Override
    public double get(long index) {
        Object o = list.get((int) Objects.checkIndex(index, (long) list.size()));
        return o == null ? Double.NaN : ((Number) o).doubleValue();
    }

    @Override
    public String toString() {
        return "list[" + list.size() + "]";
    }
}
