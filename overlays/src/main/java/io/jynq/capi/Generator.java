package io.jynq.capi;

/**
 * A generator this core provides to others.
 *
 * @param name                generator name
 * @param command             the program, relative to the core
 * @param interpreter         e.g. python3, or empty
 * @param cacheType           none, input or generator, or empty
 * @param fileInputParameters parameters naming input files, or empty
 * @param description         one line, or empty
 * @param usage               usage text, or empty
 */
public record Generator(String name, String command, String interpreter, String cacheType, String fileInputParameters,
        String description, String usage) {}
