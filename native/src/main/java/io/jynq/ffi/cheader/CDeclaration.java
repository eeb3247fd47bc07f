package io.jynq.ffi.cheader;

import java.util.List;
import java.util.stream.Collectors;

/**
 * A C function as its header declares it.
 *
 * @param name the symbol looked up in the shared library
 * @param returnType what it returns ({@code void} allowed)
 * @param parameters in order
 * @param line the 1-based header line where the declaration starts, for messages
 */
public record CDeclaration(String name, CType returnType, List<CParameter> parameters, int line) {

    public CDeclaration {
        parameters = List.copyOf(parameters);
    }

    /** The prototype in C, e.g. {@code uint32_t checksum(const uint8_t *data, size_t len)}. */
    public String signature() {
        String params = parameters.isEmpty() ? "void"
                : parameters.stream().map(CParameter::toString).collect(Collectors.joining(", "));
        String ret = returnType.spelling();
        return (returnType.isPointer() ? ret : ret + " ") + name + "(" + params + ")";
    }

    @Override
    public String toString() {
        return signature();
    }
}
