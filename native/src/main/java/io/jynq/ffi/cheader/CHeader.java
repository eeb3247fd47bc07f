package io.jynq.ffi.cheader;

import java.util.List;

/**
 * Reads C function declarations from text, the way CFFI's {@code cdef} does.
 *
 * <p>Supported: functions whose parameters and results are C scalars ({@code int}, {@code long},
 * {@code unsigned}, {@code char}, {@code short}, {@code bool}, {@code float}, {@code double}, the
 * {@code <stdint.h>} types, {@code size_t}, {@code ssize_t}), pointers to anything (including
 * {@code const T *}, arrays as parameters, opaque {@code struct s *}), and {@code void} results;
 * {@code typedef}s of those; {@code extern "C"} blocks; comments; preprocessor lines (ignored,
 * not expanded). Refused with the line named: variadic functions, function pointers, structs by
 * value, {@code long double}, variables, macros used as types.
 * <pre>{@code
 * List<CDeclaration> fns = CHeader.parse("dsp.h", """
 *     #include <stdint.h>
 *     uint32_t checksum(const uint8_t *data, size_t len);
 *     void scale(float *samples, int n, float gain);
 *     """);
 * }</pre>
 */
public final class CHeader {
    private CHeader() {}

    /**
     * Every function declared in a header; each declaration must be supported.
     *
     * @param sourceName how messages name the text, e.g. {@code dsp.h}
     * @throws CHeaderException naming the line of the first unsupported declaration
     */
    public static List<CDeclaration> parse(String sourceName, String headerText) {
        return new CParser(sourceName, headerText, CParser.Mode.HEADER).parse();
    }

    /**
     * The exported (non-{@code static}) function definitions of a C source, for a library built
     * from it; prototypes, static helpers, globals and types are passed over.
     *
     * @param sourceName how messages name the text, e.g. {@code cell.c}
     * @throws CHeaderException naming the line of an exported function with an unsupported signature
     */
    public static List<CDeclaration> parseDefinitions(String sourceName, String sourceText) {
        return new CParser(sourceName, sourceText, CParser.Mode.DEFINITIONS).parse();
    }
}
