package io.jynq.ffi.cheader;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CHeaderTest {

    private static CDeclaration only(String header) {
        List<CDeclaration> ds = CHeader.parse("t.h", header);
        assertEquals(1, ds.size(), ds.toString());
        return ds.get(0);
    }

    @Test
    void checksumPrototypeGivesKindsNamesAndLine() {
        CDeclaration d = only("\n#include <stdint.h>\nuint32_t checksum(const uint8_t *data, size_t len);\n");
        assertEquals("checksum", d.name());
        assertEquals(CKind.UINT32, d.returnType().kind());
        assertEquals(CKind.POINTER, d.parameters().get(0).type().kind());
        assertEquals(CKind.UINT8, d.parameters().get(0).type().pointee());
        assertEquals("data", d.parameters().get(0).name());
        assertEquals(CKind.ULONG, d.parameters().get(1).type().kind());
        assertEquals(3, d.line());
        assertEquals("uint32_t checksum(const uint8_t *data, size_t len)", d.signature());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "int f(void);                          | INT32  | ",
        "int f();                              | INT32  | ",
        "void f(int, float *, unsigned long long); | VOID | INT32 POINTER UINT64",
        "unsigned f(unsigned x, signed y, short z, unsigned short w); | UINT32 | UINT32 INT32 INT16 UINT16",
        "long int f(long a, unsigned long b, long long c); | LONG | LONG ULONG INT64",
        "char f(char c, signed char s, unsigned char u); | CHAR | CHAR INT8 UINT8",
        "double f(float a, double b, bool c, _Bool d); | DOUBLE | FLOAT DOUBLE BOOL BOOL",
        "int64_t f(int8_t a, uint16_t b, int32_t c, uint64_t d, ssize_t e); | INT64 | INT8 UINT16 INT32 UINT64 LONG",
        "void *f(void *p, struct dev *d, char **argv); | POINTER | POINTER POINTER POINTER",
        "void f(int a[16], const double b[]);  | VOID | POINTER POINTER",
        "static_assert_like f(int x);          | ERROR | ",
        "extern int f(int x) __attribute__((nonnull));  | INT32 | INT32",
        "__attribute__((visibility(\"default\"))) int f(int restrict_me); | INT32 | INT32",
        "enum mode f(enum mode m);             | INT32 | INT32",
    })
    void typesMapToKinds(String header, String ret, String params) {
        if (ret.equals("ERROR")) {
            assertThrows(CHeaderException.class, () -> CHeader.parse("t.h", header));
            return;
        }
        CDeclaration d = only(header);
        assertEquals(CKind.valueOf(ret), d.returnType().kind());
        String got = String.join(" ", d.parameters().stream().map(p -> p.type().kind().name()).toList());
        assertEquals(params == null ? "" : params, got);
    }

    @Test
    void unnamedParametersAreNumbered() {
        CDeclaration d = only("void f(int, uint32_t, const char *);");
        assertEquals(List.of("arg0", "arg1", "arg2"), d.parameters().stream().map(CParameter::name).toList());
    }

    @Test
    void commentsDirectivesExternCAndMultiLineDeclarationsAreRead() {
        List<CDeclaration> ds = CHeader.parse("t.h", """
                /* a header { with braces } */
                #ifndef DSP_H
                #define DSP_H \\
                    1
                #ifdef __cplusplus
                extern "C" {
                #endif
                // one per line
                void scale(float *samples,   // in place
                           int n,
                           float gain);
                struct opaque;
                typedef struct opaque opaque_t;
                typedef uint32_t word_t;
                word_t peek(const opaque_t *o);
                enum color { RED, GREEN = 2 };
                #ifdef __cplusplus
                }
                #endif
                #endif
                """);
        assertEquals(List.of("scale", "peek"), ds.stream().map(CDeclaration::name).toList());
        assertEquals(9, ds.get(0).line());
        assertEquals(CKind.UINT32, ds.get(1).returnType().kind());
        assertEquals(CKind.POINTER, ds.get(1).parameters().get(0).type().kind());
    }

    @Test
    void aRepeatedIdenticalPrototypeIsOneFunction() {
        assertEquals(1, CHeader.parse("t.h", "int f(int x);\nint f(int x);").size());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "variadic      | int a(int x);\\nint log_msg(const char *fmt, ...); | t.h:2: variadic function 'log_msg' is not supported",
        "fn pointer    | void on(void (*cb)(int));                | t.h:1: function pointer parameter 1 of on is not supported",
        "fn ptr ret    | int (*pick(int))(int);                    | t.h:1: function pointers are not supported",
        "struct value  | void f(struct pt p);                      | t.h:1: struct pt passed by value is not supported",
        "long double   | long double f(void);                      | t.h:1: long double is not supported",
        "unknown type  | \\n\\nfoo_t f(int x);                     | t.h:3: unknown type 'foo_t' in the return type of f",
        "variable      | int counter;                              | t.h:1: only function declarations are supported",
        "static        | static int helper(int x);                 | t.h:1: static function is not exported",
        "comment       | int f(void); /* open                      | t.h:1: unterminated /* comment",
        "semicolon     | int f(void)                               | t.h:1: missing ';'",
        "conflict      | int f(int x);\\nlong f(int x);            | t.h:2: conflicting declarations of 'f'",
        "string        | void f(int x = \"abc);                    | t.h:1: unterminated string literal",
        "character     | int f(int x) @;                           | t.h:1: unexpected character '@'",
        "void param    | int f(void x);                            | t.h:1: parameter 1 of f cannot have type void",
        "bad combo     | unsigned float f(void);                   | t.h:1: invalid type 'unsigned float'",
        "reference     | int f(int &x);                            | t.h:1: C++ references are not supported",
        "paren         | int f(int x));                            | t.h:1: unmatched ')'",
        "brace         | }                                         | t.h:1: unmatched '}'",
        "extern block  | extern \"C\" {\\nint f(void);             | t.h:1: unterminated extern",
        "fn typedef    | typedef int (*cb_t)(int);                 | t.h:1: function pointer typedefs are not supported",
    })
    void unsupportedDeclarationsNameTheLine(String name, String header, String expectedStart) {
        CHeaderException e = assertThrows(CHeaderException.class,
                () -> CHeader.parse("t.h", header.replace("\\n", "\n")));
        assertTrue(e.getMessage().startsWith(expectedStart), name + ": " + e.getMessage());
    }

    @Test
    void theMessageQuotesTheOffendingLine() {
        CHeaderException e = assertThrows(CHeaderException.class,
                () -> CHeader.parse("dsp.h", "int ok(void);\nvoid log_msg(const char *fmt, ...);\n"));
        assertEquals(2, e.line());
        assertEquals("dsp.h", e.sourceName());
        assertTrue(e.getMessage().endsWith("\n    void log_msg(const char *fmt, ...);"), e.getMessage());
    }

    @Test
    void definitionsModeTakesExportedDefinitionsOnly() {
        List<CDeclaration> ds = CHeader.parseDefinitions("cell.c", """
                #include <math.h>
                static int table[4] = {1, 2, 3, 4};
                double sqrt(double);
                struct acc { int n; };
                static int helper(int x) { return x + 1; }
                const char *name = "}{";
                uint32_t checksum(const uint8_t *data, size_t len) {
                    uint32_t s = 0; char c = '}';
                    for (size_t i = 0; i < len; i++) { s = s * 31 + data[i]; }
                    return s + (c == '{');
                }
                void noop(void) {}
                """);
        assertEquals(List.of("checksum", "noop"), ds.stream().map(CDeclaration::name).toList());
        assertEquals(7, ds.get(0).line());
    }

    @Test
    void definitionsModeStillRefusesAnExportedFunctionItCannotCall() {
        CHeaderException e = assertThrows(CHeaderException.class, () -> CHeader.parseDefinitions("cell.c",
                "static void ok(void) {}\nint sum(int n, ...) { return n; }\n"));
        assertEquals(2, e.line());
    }
}
