/**
 * HTML views (with plain-text fallbacks) of the object model, for notebooks: an overlay's IP,
 * hierarchies and interrupts ({@link io.jynq.render.overlay.OverlayHtml}), one IP's description
 * and register map ({@link io.jynq.render.overlay.IpHtml}), live register values with decoded
 * fields ({@link io.jynq.render.overlay.RegisterMapHtml}) and contiguous buffers
 * ({@link io.jynq.render.overlay.BufferHtml}). The kernel registers them by class through its
 * magics adapter; JShell users get the same text through {@code toString()}.
 *
 * <p>A sub-package of {@code io.jynq.render} because, unlike it, it reads the overlay layer
 * ({@code io.jynq.metadata}, {@code io.jynq.mmio}, {@code io.jynq.buffer}, {@code io.jynq.device}).
 * Never imports {@code io.jynq.magics}, {@code io.jynq.plot} or {@code io.jynq.kernel}.
 */
package io.jynq.render.overlay;
