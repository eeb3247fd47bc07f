package io.jynq.ffi.cheader;

import com.sun.jna.Native;
import com.sun.jna.NativeLong;
import com.sun.jna.Pointer;
import io.jynq.ffi.NativeMemory;
import java.math.BigInteger;

/**
 * Converts Java values to what JNA passes for a C parameter, and C results back to Java, with a
 * message naming the parameter and the expected Java types when a value does not fit.
 *
 * <p>Narrow integers are passed widened to {@code int} (sign- or zero-extended as their C type
 * says), as every ABI JYNQ runs on promotes them in registers and stack slots.
 */
final class CArguments {
    private static final boolean LONG64 = Native.LONG_SIZE == 8;

    private CArguments() {}

    /** Names the argument in messages: {@code argument 'data' (const uint8_t *) of <signature> (file:line)}. */
    private record Context(CParameter parameter, String where) {
        @Override
        public String toString() {
            return "argument '" + parameter.name() + "' (" + parameter.type().spelling() + ") of " + where;
        }
    }

    static Object toNative(CParameter p, Object value, String where) {
        CType t = p.type();
        Object context = new Context(p, where); // rendered only when a message needs it
        if (t.isPointer()) {
            return pointer(t, value, context);
        }
        switch (t.kind()) {
            case FLOAT, DOUBLE -> {
                if (!(value instanceof Number n) || value instanceof BigInteger) {
                    throw mismatch(context, "a number", value);
                }
                return t.kind() == CKind.FLOAT ? (Object) n.floatValue() : (Object) n.doubleValue();
            }
            case BOOL -> {
                if (value instanceof Boolean b) {
                    return b ? 1 : 0;
                }
                long v = integer(context, value, 0, 1);
                return (int) v;
            }
            default -> {
                return integerArgument(t.kind(), context, value);
            }
        }
    }

    private static Object integerArgument(CKind kind, Object context, Object value) {
        return switch (kind) {
            case CHAR -> (int) (byte) integer(context, value, -128, 255);
            case INT8 -> (int) integer(context, value, Byte.MIN_VALUE, Byte.MAX_VALUE);
            case UINT8 -> (int) integer(context, value, 0, 255);
            case INT16 -> (int) integer(context, value, Short.MIN_VALUE, Short.MAX_VALUE);
            case UINT16 -> (int) integer(context, value, 0, 65535);
            case INT32 -> (int) integer(context, value, Integer.MIN_VALUE, Integer.MAX_VALUE);
            case UINT32 -> (int) integer(context, value, Integer.MIN_VALUE, 0xFFFF_FFFFL);
            case INT64 -> integer(context, value, Long.MIN_VALUE, Long.MAX_VALUE);
            case UINT64 -> unsigned64(context, value);
            case LONG -> new NativeLong(LONG64 ? integer(context, value, Long.MIN_VALUE, Long.MAX_VALUE)
                    : integer(context, value, Integer.MIN_VALUE, Integer.MAX_VALUE));
            case ULONG -> new NativeLong(LONG64 ? unsigned64(context, value)
                    : (int) integer(context, value, Integer.MIN_VALUE, 0xFFFF_FFFFL));
            default -> throw new IllegalStateException("not an integer kind: " + kind);
        };
    }

    private static long unsigned64(Object context, Object value) {
        if (value instanceof BigInteger big) {
            if (big.signum() < 0 || big.bitLength() > 64) {
                throw new IllegalArgumentException(context + ": " + big + " is out of range [0, 2^64-1]");
            }
            return big.longValue();
        }
        return integer(context, value, Long.MIN_VALUE, Long.MAX_VALUE);
    }

    private static long integer(Object context, Object value, long min, long max) {
        long v;
        if (value instanceof Byte || value instanceof Short || value instanceof Integer || value instanceof Long) {
            v = ((Number) value).longValue();
        } else if (value instanceof BigInteger big && big.bitLength() < 64) {
            v = big.longValue();
        } else if (value instanceof Character c) {
            v = c;
        } else {
            throw mismatch(context, "an integer (byte, short, int, long)", value);
        }
        if (v < min || v > max) {
            throw new IllegalArgumentException(context + ": " + v + " is out of range [" + min + ", " + max + "]");
        }
        return v;
    }

    private static Object pointer(CType t, Object value, Object context) {
        if (value == null) {
            throw new IllegalArgumentException(context + ": null; pass a contiguous buffer or an array (C code is"
                    + " never handed NULL from Java)");
        }
        if (value instanceof Pointer) {
            return value;
        }
        if (value instanceof NativeMemory m) {
            try {
                m.checkOpen();
            } catch (IllegalStateException closed) {
                throw new IllegalArgumentException(context + ": " + closed.getMessage(), closed);
            }
            return m;
        }
        CKind e = t.pointee();
        boolean fits;
        if (value instanceof byte[]) {
            fits = e == CKind.VOID || e == CKind.CHAR || e == CKind.INT8 || e == CKind.UINT8 || e == CKind.BOOL;
        } else if (value instanceof short[]) {
            fits = e == CKind.VOID || e == CKind.INT16 || e == CKind.UINT16;
        } else if (value instanceof int[]) {
            fits = e == CKind.VOID || e == CKind.INT32 || e == CKind.UINT32 || (!LONG64 && (e == CKind.LONG || e == CKind.ULONG));
        } else if (value instanceof long[]) {
            fits = e == CKind.VOID || e == CKind.INT64 || e == CKind.UINT64 || (LONG64 && (e == CKind.LONG || e == CKind.ULONG));
        } else if (value instanceof float[]) {
            fits = e == CKind.VOID || e == CKind.FLOAT;
        } else if (value instanceof double[]) {
            fits = e == CKind.VOID || e == CKind.DOUBLE;
        } else if (value instanceof String) {
            fits = e == CKind.CHAR || e == CKind.INT8 || e == CKind.UINT8;
        } else {
            fits = false;
        }
        if (!fits) {
            throw mismatch(context, "a NativeMemory buffer, " + arrayFor(e) + "a Pointer or null", value);
        }
        return value;
    }

    /**
     * The bytes a pointer argument spans, or -1 where unknown (a JNA Pointer): a buffer's byte
     * size, an array's length times its element size, a String's UTF-8 bytes and its NUL.
     */
    static long byteSpan(Object value) {
        if (value instanceof NativeMemory m) {
            return m.byteSize();
        }
        if (value instanceof String s) {
            return s.getBytes(java.nio.charset.StandardCharsets.UTF_8).length + 1L;
        }
        if (value != null && value.getClass().isArray()) {
            int n = java.lang.reflect.Array.getLength(value);
            Class<?> c = value.getClass().getComponentType();
            int width = c == byte.class ? 1 : c == short.class ? 2 : c == int.class || c == float.class ? 4 : 8;
            return (long) n * width;
        }
        return -1;
    }

    private static String arrayFor(CKind e) {
        return switch (e) {
            case CHAR, INT8, UINT8, BOOL -> "a byte[], a String, ";
            case INT16, UINT16 -> "a short[], ";
            case INT32, UINT32 -> "an int[], ";
            case INT64, UINT64 -> "a long[], ";
            case LONG, ULONG -> LONG64 ? "a long[], " : "an int[], ";
            case FLOAT -> "a float[], ";
            case DOUBLE -> "a double[], ";
            case VOID -> "any primitive array, ";
            default -> "";
        };
    }

    private static IllegalArgumentException mismatch(Object context, String expected, Object value) {
        String got = value == null ? "null" : value.getClass().getSimpleName() + " " + value;
        return new IllegalArgumentException(context + ": expected " + expected + ", got " + got);
    }

    /** The JNA return class for a C result type. */
    static Class<?> nativeReturnType(CType t) {
        return switch (t.kind()) {
            case VOID -> void.class;
            case BOOL, CHAR, INT8, UINT8 -> byte.class;
            case INT16, UINT16 -> short.class;
            case INT32, UINT32 -> int.class;
            case INT64, UINT64 -> long.class;
            case LONG, ULONG -> NativeLong.class;
            case FLOAT -> float.class;
            case DOUBLE -> double.class;
            case POINTER -> Pointer.class;
        };
    }

    /**
     * The Java value of a C result: {@code null} for void, Boolean for bool, Byte for char and
     * int8_t, Integer for uint8_t, uint16_t and int32_t, Short for int16_t, Long for uint32_t,
     * 64-bit types and long, Float, Double, and {@link Pointer} for pointers.
     */
    static Object fromNative(CType t, Object raw) {
        return switch (t.kind()) {
            case VOID -> null;
            case BOOL -> ((Byte) raw) != 0;
            case UINT8 -> ((Byte) raw) & 0xFF;
            case UINT16 -> ((Short) raw) & 0xFFFF;
            case UINT32 -> ((Integer) raw) & 0xFFFF_FFFFL;
            case LONG -> ((NativeLong) raw).longValue();
            case ULONG -> LONG64 ? ((NativeLong) raw).longValue() : ((NativeLong) raw).longValue() & 0xFFFF_FFFFL;
            default -> raw;
        };
    }
}
