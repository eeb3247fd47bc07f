package io.jynq.ffi.cheader;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Turns the tokens of a C type ({@code const uint32_t *}, {@code unsigned long long}) into a
 * {@link CType}: the C scalar types, the {@code <stdint.h>} types, {@code size_t} and its
 * relatives, pointers to anything, and typedefs the same header declared.
 */
final class CTypeResolver {
    static final Set<String> QUALIFIERS = Set.of("const", "volatile", "restrict", "__restrict", "__restrict__",
            "register", "extern", "inline", "__inline", "__inline__", "__extension__", "static", "_Noreturn",
            "__const", "__volatile__");
    static final Set<String> SPECIFIERS = Set.of("void", "char", "short", "int", "long", "signed", "unsigned",
            "float", "double", "_Bool", "bool", "__signed__", "__unsigned__");
    private static final Map<String, CKind> STANDARD = Map.ofEntries(
            Map.entry("int8_t", CKind.INT8), Map.entry("uint8_t", CKind.UINT8),
            Map.entry("int16_t", CKind.INT16), Map.entry("uint16_t", CKind.UINT16),
            Map.entry("int32_t", CKind.INT32), Map.entry("uint32_t", CKind.UINT32),
            Map.entry("int64_t", CKind.INT64), Map.entry("uint64_t", CKind.UINT64),
            Map.entry("size_t", CKind.ULONG), Map.entry("ssize_t", CKind.LONG),
            Map.entry("intptr_t", CKind.LONG), Map.entry("uintptr_t", CKind.ULONG),
            Map.entry("ptrdiff_t", CKind.LONG), Map.entry("off_t", CKind.LONG));

    /** Typedefs declared in the header: name to type; an aggregate typedef maps to null (opaque). */
    private final Map<String, CType> typedefs = new HashMap<>();

    /** Whether {@code name} names a type (standard or typedef'd) rather than a parameter. */
    boolean isTypeName(String name) {
        return STANDARD.containsKey(name) || typedefs.containsKey(name) || SPECIFIERS.contains(name);
    }

    void typedef(String name, CType type) {
        typedefs.put(name, type);
    }

    /**
     * Resolves tokens that hold no name and no attributes.
     *
     * @param what for messages, e.g. {@code "return type of f"}
     * @throws IllegalArgumentException with a message (the caller adds the line) if unsupported
     */
    CType resolve(List<CToken> tokens, String what) {
        List<String> base = new ArrayList<>();
        int stars = 0;
        boolean isConst = false;
        for (CToken t : tokens) {
            String s = t.text();
            if (t.is("*")) {
                stars++;
            } else if (t.is("&")) {
                throw new IllegalArgumentException("C++ references are not supported (" + what + ")");
            } else if (s.equals("const") && stars == 0) {
                isConst = true;
            } else if (!(t.isIdent() && QUALIFIERS.contains(s))) {
                if (stars > 0) {
                    throw new IllegalArgumentException("unexpected '" + s + "' after '*' in " + what);
                }
                base.add(s);
            }
        }
        if (base.isEmpty()) {
            throw new IllegalArgumentException("missing type in " + what);
        }
        String baseSpelling = String.join(" ", base);
        String spelling = (isConst ? "const " : "") + baseSpelling + (stars > 0 ? " " + "*".repeat(stars) : "");
        CType scalar = scalar(base, baseSpelling, stars > 0, what);
        if (stars == 0) {
            return new CType(scalar.kind(), scalar.pointee(), spelling);
        }
        CKind pointee = stars > 1 || scalar.isPointer() ? CKind.VOID : scalar.kind();
        return new CType(CKind.POINTER, pointee, spelling);
    }

    private CType scalar(List<String> base, String spelling, boolean pointer, String what) {
        String first = base.get(0);
        if (first.equals("struct") || first.equals("union") || first.equals("enum")) {
            if (base.size() != 2) {
                throw new IllegalArgumentException("invalid type '" + spelling + "' in " + what);
            }
            if (first.equals("enum")) {
                return new CType(CKind.INT32, CKind.VOID, spelling);
            }
            if (!pointer) {
                throw new IllegalArgumentException(spelling + " passed by value is not supported (" + what + "); pass a pointer");
            }
            return new CType(CKind.VOID, CKind.VOID, spelling);
        }
        if (base.size() == 1 && !SPECIFIERS.contains(first)) {
            if (STANDARD.containsKey(first)) {
                return new CType(STANDARD.get(first), CKind.VOID, first);
            }
            if (typedefs.containsKey(first)) {
                CType t = typedefs.get(first);
                if (t == null && !pointer) {
                    throw new IllegalArgumentException("'" + first + "' is a struct or union type; passing it by value is not supported ("
                            + what + "); pass a pointer");
                }
                return t == null ? new CType(CKind.VOID, CKind.VOID, first) : t;
            }
            if (pointer) {
                return new CType(CKind.VOID, CKind.VOID, first); // opaque: only buffers and pointers go there
            }
            throw new IllegalArgumentException("unknown type '" + first + "' in " + what
                    + " (known: the C integer and floating types, bool, <stdint.h> types, size_t, ssize_t, pointers)");
        }
        return new CType(keywords(base, spelling, what), CKind.VOID, spelling);
    }

    private static CKind keywords(List<String> base, String spelling, String what) {
        int longs = 0;
        int shorts = 0;
        int ints = 0;
        int signs = 0;
        boolean unsigned = false;
        String other = null;
        for (String s : base) {
            switch (s) {
                case "long" -> longs++;
                case "short" -> shorts++;
                case "int" -> ints++;
                case "signed", "__signed__" -> signs++;
                case "unsigned", "__unsigned__" -> {
                    signs++;
                    unsigned = true;
                }
                default -> {
                    if (other != null || !SPECIFIERS.contains(s)) {
                        throw new IllegalArgumentException("invalid type '" + spelling + "' in " + what);
                    }
                    other = s;
                }
            }
        }
        if (signs > 1 || ints > 1 || shorts > 1 || longs > 2 || (shorts > 0 && longs > 0)) {
            throw new IllegalArgumentException("invalid type '" + spelling + "' in " + what);
        }
        if (other != null) {
            boolean modified = signs + ints + shorts + longs > 0;
            switch (other) {
                case "void", "_Bool", "bool", "float" -> {
                    if (modified) {
                        throw new IllegalArgumentException("invalid type '" + spelling + "' in " + what);
                    }
                    return other.equals("void") ? CKind.VOID : other.equals("float") ? CKind.FLOAT : CKind.BOOL;
                }
                case "double" -> {
                    if (longs > 0) {
                        throw new IllegalArgumentException("long double is not supported (" + what + ")");
                    }
                    if (modified) {
                        throw new IllegalArgumentException("invalid type '" + spelling + "' in " + what);
                    }
                    return CKind.DOUBLE;
                }
                case "char" -> {
                    if (ints + shorts + longs > 0) {
                        throw new IllegalArgumentException("invalid type '" + spelling + "' in " + what);
                    }
                    return signs == 0 ? CKind.CHAR : unsigned ? CKind.UINT8 : CKind.INT8;
                }
                default -> throw new IllegalArgumentException("invalid type '" + spelling + "' in " + what);
            }
        }
        if (shorts > 0) {
            return unsigned ? CKind.UINT16 : CKind.INT16;
        }
        if (longs == 2) {
            return unsigned ? CKind.UINT64 : CKind.INT64;
        }
        if (longs == 1) {
            return unsigned ? CKind.ULONG : CKind.LONG;
        }
        return unsigned ? CKind.UINT32 : CKind.INT32;
    }
}
