package io.jynq.plot;

import java.util.Optional;

/**
 * Teaches {@link Samples#from(Object)}, and so every {@link Plot} call, a new data type without
 * changing {@code Plot}. Implementations are found with {@link java.util.ServiceLoader}: list the
 * class in {@code META-INF/services/io.jynq.plot.SamplesAdapter}. See the package documentation
 * for the contiguous-buffer example.
 */
public interface SamplesAdapter {

    /** The adapted view of {@code data}, or empty when this adapter does not handle its type. */
    Optional<Samples> adapt(Object data);

    /** The types handled, for error messages, e.g. {@code "ContiguousBuffer"}. */
    String describe();
}
