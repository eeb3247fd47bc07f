package io.jynq.d2l;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigInteger;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Range checks of the integer types at their edges, and the carriers of the others. */
class ArgTypeTest {

    @ParameterizedTest(name = "{0}: {1} and {2} fit, {3} and {4} do not")
    @CsvSource({
            "uint32_t,0,4294967295,-1,4294967296",
            "unsigned int,0,4294967295,-1,4294967296",
            "int32_t,-2147483648,2147483647,-2147483649,2147483648",
            "int64_t,-9223372036854775808,9223372036854775807,-9223372036854775809,9223372036854775808",
            "uint64_t,0,18446744073709551615,-1,18446744073709551616",
            "unsigned long,0,18446744073709551615,-1,18446744073709551616"})
    void integerRanges(String type, String min, String max, String below, String above) {
        ArgType t = ArgType.fromYaml(type);
        assertEquals(new BigInteger(min).longValue(), t.coerce(new BigInteger(min)));
        assertEquals(new BigInteger(max).longValue(), t.coerce(new BigInteger(max)));
        assertThrows(IllegalArgumentException.class, () -> t.coerce(new BigInteger(below)));
        assertThrows(IllegalArgumentException.class, () -> t.coerce(new BigInteger(above)));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"float", "double"})
    void floatingTypesTakeAnyNumberButNotBooleans(String type) {
        ArgType t = ArgType.fromYaml(type);
        assertEquals(3.0, t.coerce(3));
        assertEquals(0.5, t.coerce(0.5f));
        assertThrows(IllegalArgumentException.class, () -> t.coerce(true));
        assertThrows(IllegalArgumentException.class, () -> t.coerce("1.0"));
    }

    @org.junit.jupiter.api.Test
    void boolAndBuffer() {
        assertEquals(true, ArgType.BOOL.coerce(true));
        assertThrows(IllegalArgumentException.class, () -> ArgType.BOOL.coerce(1));
        assertEquals("\"x\" is not a buffer (a contiguous buffer or other NativeMemory)",
                assertThrows(IllegalArgumentException.class, () -> ArgType.BUFFER.coerce("x")).getMessage());
    }
}
