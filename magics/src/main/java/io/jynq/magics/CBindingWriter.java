package io.jynq.magics;

import io.jynq.ffi.cheader.CDeclaration;
import io.jynq.ffi.cheader.CKind;
import io.jynq.ffi.cheader.CLibrary;
import io.jynq.ffi.cheader.CParameter;
import io.jynq.ffi.cheader.CType;
import io.jynq.facade.JavaNames;
import java.util.List;

/**
 * Writes the Java class a {@code %%c} cell is bound to: one method per C function, with Java
 * types for the C ones, each calling the library's {@code CFunction}. Types:
 * {@code bool} → boolean; integers up to 32 bits (except {@code uint32_t}) → int;
 * {@code uint32_t}, 64-bit integers, {@code long}, {@code size_t} → long; float; double; a pointer
 * parameter → Object (a contiguous buffer, a primitive array of the pointee's width, a String for
 * {@code char *}, or null), a pointer result → JNA Pointer.
 */
final class CBindingWriter {
    private CBindingWriter() {
    }

    /** The class source, named {@code className}, wrapping a {@link CLibrary}. */
    static String write(String className, String cellName, List<CDeclaration> functions) {
        StringBuilder b = new StringBuilder();
        String lib = CLibrary.class.getName();
        b.append("/** The C functions of cell ").append(JavaNames.comment(cellName)).append(", compiled with gcc -O2 and loaded with JNA. */\n");
        b.append("public class ").append(className).append(" {\n");
        b.append("    private final ").append(lib).append(" lib;\n");
        b.append("    public ").append(className).append("(").append(lib).append(" lib) { this.lib = lib; }\n");
        b.append("    /** The loaded library: functions(), path(), close(). */\n");
        b.append("    public ").append(lib).append(" library() { return lib; }\n");
        for (CDeclaration f : functions) {
            method(b, f);
        }
        b.append("    @Override public String toString() { return ").append(JavaNames.literal(cellName + ": "))
                .append(" + lib.functions().values(); }\n");
        return b.append("}\n").toString();
    }

    private static void method(StringBuilder b, CDeclaration f) {
        String ret = javaReturn(f.returnType());
        b.append("    /** {@code ").append(JavaNames.comment(f.signature())).append("} (cell line ").append(f.line() + 1)
                .append(") */\n");
        b.append("    public ").append(ret).append(' ').append(JavaNames.field(f.name())).append('(');
        List<CParameter> ps = f.parameters();
        StringBuilder call = new StringBuilder();
        for (int i = 0; i < ps.size(); i++) {
            String name = ps.get(i).name() == null || ps.get(i).name().isEmpty() ? "arg" + i : JavaNames.field(ps.get(i).name());
            b.append(i == 0 ? "" : ", ").append(javaParam(ps.get(i).type())).append(' ').append(name);
            call.append(", ").append(ps.get(i).type().isPointer() ? CPointers.class.getName() + ".arg(" + name + ")" : name);
        }
        b.append(") {\n        ");
        String invoke = "lib.function(" + JavaNames.literal(f.name()) + ").invoke(new Object[] {" + (call.length() == 0 ? "" : call.substring(2)) + "})";
        switch (ret) {
            case "void":
                b.append(invoke).append(';');
                break;
            case "boolean":
                b.append("return (Boolean) ").append(invoke).append(';');
                break;
            case "int":
                b.append("return ((Number) ").append(invoke).append(").intValue();");
                break;
            case "long":
                b.append("return ((Number) ").append(invoke).append(").longValue();");
                break;
            case "float":
                b.append("return ((Number) ").append(invoke).append(").floatValue();");
                break;
            case "double":
                b.append("return ((Number) ").append(invoke).append(").doubleValue();");
                break;
            default:
                b.append("return (").append(ret).append(") ").append(invoke).append(';');
        }
        b.append("\n    }\n");
    }

    static String javaParam(CType t) {
        return t.isPointer() ? "Object" : scalar(t.kind());
    }

    static String javaReturn(CType t) {
        if (t.isVoid()) {
            return "void";
        }
        return t.isPointer() ? "com.sun.jna.Pointer" : scalar(t.kind());
    }

    private static String scalar(CKind k) {
        switch (k) {
            case BOOL:
                return "boolean";
            case FLOAT:
                return "float";
            case DOUBLE:
                return "double";
            case UINT32:
            case INT64:
            case UINT64:
            case LONG:
            case ULONG:
                return "long";
            default:
                return "int";
        }
    }

}
