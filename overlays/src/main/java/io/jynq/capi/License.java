package io.jynq.capi;

/**
 * The core's license: an SPDX identifier, or a custom name with its text.
 *
 * @param name SPDX identifier (ISC, BSD-2-Clause...) or custom name
 * @param text license text, or null for an SPDX identifier
 */
public record License(String name, String text) {}
