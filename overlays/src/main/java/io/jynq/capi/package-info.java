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
 * <p>Layering: uses only SnakeYAML and the JDK. It must not import io.jynq.overlay, io.jynq.device,
 * io.jynq.d2l or anything above the overlays layer; the overlay package loader uses it, not the
 * other way round.
 */
package io.jynq.capi;
