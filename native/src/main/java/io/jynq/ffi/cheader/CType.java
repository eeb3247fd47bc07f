package io.jynq.ffi.cheader;

/**
 * The type of a parameter or return value as the header spells it.
 *
 * @param kind the scalar kind, or {@link CKind#POINTER}
 * @param pointee for a pointer, what it points to ({@link CKind#VOID} for {@code void *}, opaque
 *        structs and pointers to pointers); {@link CKind#VOID} otherwise
 * @param spelling the type as written, normalised, e.g. {@code const uint32_t *}
 */
public record CType(CKind kind, CKind pointee, String spelling) {

    /** Whether this is a pointer. */
    public boolean isPointer() {
        return kind == CKind.POINTER;
    }

    /** Whether this is {@code void} (only valid as a return type). */
    public boolean isVoid() {
        return kind == CKind.VOID;
    }

    @Override
    public String toString() {
        return spelling;
    }
}
