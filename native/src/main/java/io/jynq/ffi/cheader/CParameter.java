package io.jynq.ffi.cheader;

/**
 * One parameter of a C function.
 *
 * @param name its name in the header, or {@code arg<i>} (0-based) where the header gives none
 * @param type its type
 */
public record CParameter(String name, CType type) {

    @Override
    public String toString() {
        return type.isPointer() ? type.spelling() + name : type.spelling() + " " + name;
    }
}
