package io.jynq.d2l;

import java.math.BigInteger;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * The argument and return types of a device operation: Koheron D2L's six elementary types plus
 * JYNQ's signed and double-precision types and {@code buffer}.
 *
 * <p>Java values: every integer type is carried in a {@code long} (an unsigned 64-bit value uses
 * all 64 bits, as {@link Long#toUnsignedString(long)} prints it); {@code float} and {@code double}
 * in a {@code double}; {@code bool} in a {@code boolean}; {@code buffer} is an
 * {@link io.jynq.ffi.NativeMemory} such as a contiguous buffer.
 * {@code unsigned long} is 64 bits wide here (LP64: Linux on ZynqMP's Cortex-A53); the native
 * layer passes it as a C {@code unsigned long}, which is 32 bits on a 32-bit Zynq-7000.
 */
public enum ArgType {
    UNSIGNED_INT("unsigned int", 32, false),
    UNSIGNED_LONG("unsigned long", 64, false),
    UINT32_T("uint32_t", 32, false),
    UINT64_T("uint64_t", 64, false),
    INT32_T("int32_t", 32, true),
    INT64_T("int64_t", 64, true),
    FLOAT("float", 0, true),
    DOUBLE("double", 0, true),
    BOOL("bool", 0, false),
    BUFFER("buffer", 0, false);

    private final String yamlName;
    private final int bits;
    private final boolean signed;

    ArgType(String yamlName, int bits, boolean signed) {
        this.yamlName = yamlName;
        this.bits = bits;
        this.signed = signed;
    }

    /** The name as written in YAML, e.g. {@code unsigned int}. */
    public String yamlName() {
        return yamlName;
    }

    /** Width in bits of an integer type, 0 for the others. */
    public int widthBits() {
        return bits;
    }

    /** True for the integer types. */
    public boolean isInteger() {
        return bits > 0;
    }

    /** The type written {@code name} (spaces between words may repeat), or null when there is none. */
    public static ArgType fromYaml(String name) {
        String n = name.trim().replaceAll("\\s+", " ");
        return Arrays.stream(values()).filter(t -> t.yamlName.equals(n)).findFirst().orElse(null);
    }

    /** Every type name, in declaration order, for error messages. */
    public static List<String> yamlNames() {
        return Arrays.stream(values()).map(ArgType::yamlName).toList();
    }

    /**
     * Converts a value to this type's Java carrier (see the class comment).
     *
     * @return a Long, Double, Boolean, or the value itself for {@code buffer}
     * @throws IllegalArgumentException naming the value and the allowed range when it does not fit
     */
    public Object coerce(Object value) {
        if (value == null) {
            throw new IllegalArgumentException("no value for a " + yamlName);
        }
        switch (this) {
            case BOOL -> {
                if (value instanceof Boolean) {
                    return value;
                }
                throw new IllegalArgumentException(describe(value) + " is not a bool (true or false)");
            }
            case FLOAT, DOUBLE -> {
                if (value instanceof Number n && !(value instanceof Boolean)) {
                    return n.doubleValue();
                }
                throw new IllegalArgumentException(describe(value) + " is not a number");
            }
            case BUFFER -> {
                if (value instanceof io.jynq.ffi.NativeMemory) {
                    return value;
                }
                throw new IllegalArgumentException(describe(value) + " is not a buffer (a contiguous buffer or other NativeMemory)");
            }
            default -> {
                return integer(value);
            }
        }
    }

    private Long integer(Object value) {
        BigInteger n;
        if (value instanceof Long || value instanceof Integer || value instanceof Short || value instanceof Byte) {
            n = BigInteger.valueOf(((Number) value).longValue());
        } else if (value instanceof BigInteger b) {
            n = b;
        } else {
            throw new IllegalArgumentException(describe(value) + " is not an integer");
        }
        BigInteger min = signed ? BigInteger.ONE.shiftLeft(bits - 1).negate() : BigInteger.ZERO;
        BigInteger max = signed ? BigInteger.ONE.shiftLeft(bits - 1).subtract(BigInteger.ONE)
                : BigInteger.ONE.shiftLeft(bits).subtract(BigInteger.ONE);
        if (n.compareTo(min) < 0 || n.compareTo(max) > 0) {
            throw new IllegalArgumentException(n + " is out of range for " + yamlName + " [" + min + ", " + max + "]");
        }
        return n.longValue();
    }

    private static String describe(Object v) {
        return v instanceof String s ? "\"" + s + "\"" : v + " (" + v.getClass().getSimpleName().toLowerCase(Locale.ROOT) + ")";
    }

    @Override
    public String toString() {
        return yamlName;
    }
}
