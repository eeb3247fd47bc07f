/**
 * FuseSoC CAPI2 core files: the package description of an overlay (which bitstream, metadata,
 * device descriptions, C sources and simulation models it holds) and of RTL cores.
 *
 * <p>{@link io.jynq.capi.Core#parse(java.nio.file.Path)} reads and validates a core as FuseSoC
 * f0ed781 does (header on line 1, {@code <<} deep merge, the JSON schema, {@code _append});
 * {@link io.jynq.capi.Core#resolve(String, io.jynq.capi.Flags)} evaluates the conditionals
 * ({@code flag ? (...)}, {@code !flag ? (...)}) for a target and returns its files, parameters,
 * hooks and generators. Every error is a {@link io.jynq.capi.CapiException} naming file, line and
 * column.
 *
 * <p>Where this package deliberately differs from FuseSoC f0ed781 (each is a case where FuseSoC
 * crashes, silently drops data, or accepts an obvious mistake):
 * <ul>
 * <li>a duplicate key in a mapping is an error (PyYAML keeps the last one);</li>
 * <li>{@code <<} inside list items gets the same deep merge as elsewhere (FuseSoC leaves those to
 *     PyYAML's shallow merge), and a child mapping over a parent scalar replaces it (a TypeError in
 *     FuseSoC);</li>
 * <li>a target's generate parameters apply even when the generate section has none of its own
 *     (FuseSoC drops them, so servant's {@code ice40pll: {freq_out: 16}} would be lost);</li>
 * <li>resolving a named target that does not exist is an error (FuseSoC returns empty results),
 *     and a target without toplevel resolves to an empty toplevel (FuseSoC raises only when asked);</li>
 * <li>YAML timestamps stay strings (PyYAML makes dates; no CAPI2 key takes a date).</li>
 * </ul>
 *
 * <p>Layering: uses only SnakeYAML, the JDK and {@code io.jynq.error}. It must not import io.jynq.overlay, io.jynq.device,
 * io.jynq.d2l or anything above the overlays layer; the overlay package loader uses it, not the
 * other way round.
 */
package io.jynq.capi;
