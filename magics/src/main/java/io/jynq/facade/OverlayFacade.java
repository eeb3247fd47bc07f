package io.jynq.facade;

/**
 * What every generated facade class implements, so renderers and magics can recognise one and
 * reach the overlay behind it.
 */
public interface OverlayFacade {

    /** The overlay object this facade was built on. */
    Object overlay();
}
