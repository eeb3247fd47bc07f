package io.jynq.overlay;

import java.util.List;

/**
 * Lists driver classes to the overlay model; found through {@link java.util.ServiceLoader} (name
 * the class in {@code META-INF/services/io.jynq.overlay.DriverProvider}). A library of drivers
 * ships one provider; a notebook cell registers its classes with {@link DriverRegistry} instead.
 */
public interface DriverProvider {

    /** {@link DefaultIp} subclasses annotated with {@link BindTo}, each with a public {@code (Overlay, IpDescription)} constructor. */
    List<Class<? extends DefaultIp>> drivers();

    /**
     * {@link DefaultHierarchy} subclasses with a public static {@code boolean checkHierarchy(Hierarchy)}
     * and a public {@code (Overlay, Hierarchy)} constructor.
     */
    default List<Class<? extends DefaultHierarchy>> hierarchies() {
        return List.of();
    }
}
