package io.jynq.capi;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** FuseSoC's version relations for dependencies ({@code fusesoc/vlnv.py}, {@code compare_relation}). */
class CoreLibraryTest {

    @ParameterizedTest(name = "{0} satisfies {1}: {2}")
    @CsvSource({
        "a:b:c:1.2, a:b:c:1.2, true",
        "a:b:c:1.2, a:b:c:1.3, false",
        "a:b:c:1.10, >=a:b:c:1.9, true",
        "a:b:c:1.2, >a:b:c:1.2, false",
        "a:b:c:1.2-r1, >a:b:c:1.2, true",
        "a:b:c:0.9, <a:b:c:1.0, true",
        "a:b:c:1.0, <=a:b:c:1.0, true",
        "a:b:c:1.5, ^a:b:c:1.2, true",
        "a:b:c:2.0, ^a:b:c:1.2, false",
        "a:b:c:1.1, ^a:b:c:1.2, false",
        "a:b:c:1.2.7, ~a:b:c:1.2.3, true",
        "a:b:c:1.3.0, ~a:b:c:1.2.3, false",
        "a:b:c:7, a:b:c, true",
    })
    void relations(String have, String dependency, boolean ok) {
        assertEquals(ok, CoreLibrary.satisfies(CoreVlnv.parse(have), CoreVlnv.parse(dependency)));
    }
}
