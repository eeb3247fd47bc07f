package io.jynq.ffi.isolate;

import io.jynq.ffi.cheader.CDeclaration;
import io.jynq.ffi.cheader.CKind;
import io.jynq.ffi.cheader.CParameter;
import java.util.List;

/**
 * Writes the C source of a library's call shim: for function {@code i} of a library a trampoline
 * {@code void jynq_t_<i>(void *fn, const uint64_t *a, uint64_t *r)} that calls {@code fn} with
 * its declared C types from 64-bit argument words and stores the result's bits in {@code *r}.
 *
 * <p>Why gcc-built trampolines and not libffi: gcc is already required for {@code %%c}, the
 * trampolines then follow whatever ABI the board's compiler uses (x86-64, arm64, armhf), and the
 * helper needs no library beyond libc. A shim is keyed by the kinds of its signatures, so it is
 * compiled once per distinct set and cached like every C build.
 *
 * <p>Word encoding (shared with {@link HelperLink}): integers as their value (sign- or zero-
 * extended, the C cast truncates), pointers as addresses in the helper, float as its 32 IEEE bits
 * in the low half, double as its 64 bits.
 */
final class CallShim {
    private CallShim() {}

    static String source(List<CDeclaration> functions) {
        StringBuilder b = new StringBuilder("#include <string.h>\n");
        b.append("static inline float jynq_f32(uint64_t v) { uint32_t b = (uint32_t) v; float f; memcpy(&f, &b, 4); return f; }\n");
        b.append("static inline double jynq_f64(uint64_t v) { double d; memcpy(&d, &v, 8); return d; }\n");
        for (int i = 0; i < functions.size(); i++) {
            CDeclaration d = functions.get(i);
            List<CParameter> ps = d.parameters();
            StringBuilder types = new StringBuilder();
            StringBuilder args = new StringBuilder();
            for (int k = 0; k < ps.size(); k++) {
                CKind kind = ps.get(k).type().kind();
                types.append(k == 0 ? "" : ", ").append(ctype(kind));
                args.append(k == 0 ? "" : ", ").append(switch (kind) {
                    case FLOAT -> "jynq_f32(a[" + k + "])";
                    case DOUBLE -> "jynq_f64(a[" + k + "])";
                    case POINTER -> "(void *) (uintptr_t) a[" + k + "]";
                    default -> "(" + ctype(kind) + ") a[" + k + "]";
                });
            }
            CKind ret = d.returnType().kind();
            b.append("void jynq_t_").append(i).append("(void *fn, const uint64_t *a, uint64_t *r) {\n");
            b.append("    typedef ").append(ctype(ret)).append(" (*F)(").append(ps.isEmpty() ? "void" : types).append(");\n");
            b.append("    (void) a;\n");
            String call = "((F) fn)(" + args + ")";
            switch (ret) {
                case VOID -> b.append("    ").append(call).append(";\n    *r = 0;\n");
                case FLOAT -> b.append("    float v = ").append(call).append(";\n    uint32_t bits; memcpy(&bits, &v, 4); *r = bits;\n");
                case DOUBLE -> b.append("    double v = ").append(call).append(";\n    memcpy(r, &v, 8);\n");
                case POINTER -> b.append("    *r = (uint64_t) (uintptr_t) ").append(call).append(";\n");
                default -> b.append("    *r = (uint64_t) ").append(call).append(";\n");
            }
            b.append("}\n");
        }
        return b.toString();
    }

    /** Declarations of the trampolines, so the compiler binds them without reading the shim's bodies. */
    static String header(int count) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < count; i++) {
            b.append("void jynq_t_").append(i).append("(void *fn, const uint64_t *a, uint64_t *r);\n");
        }
        return b.length() == 0 ? "void jynq_t_none(void);\n" : b.toString();
    }

    private static String ctype(CKind k) {
        return switch (k) {
            case VOID -> "void";
            case BOOL -> "bool";
            case CHAR -> "char";
            case LONG -> "long";
            case ULONG -> "unsigned long";
            case FLOAT -> "float";
            case DOUBLE -> "double";
            case POINTER -> "void *";
            default -> k.spelling();
        };
    }
}
