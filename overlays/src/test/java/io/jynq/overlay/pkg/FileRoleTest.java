package io.jynq.overlay.pkg;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.jynq.capi.FileEntry;
import io.jynq.error.SourcePosition;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** What each file of a package is for, from its file_type, include flag, tags and name. */
class FileRoleTest {

    @ParameterizedTest(name = "{0} ({1}, include {2}, tag {3}) is {4}")
    @CsvSource({
        "top.bit,         user,          false, '',         BITSTREAM",
        "top.bin,         '',            false, '',         BITSTREAM",
        "anything,        bitstream,     false, '',         BITSTREAM",
        "top.hwh,         user,          false, '',         METADATA",
        "x.xml,           hwh,           false, '',         METADATA",
        "dev.d2l.yaml,    '',            false, '',         DEVICE_DESCRIPTION",
        "dev.yml,         d2l,           false, '',         DEVICE_DESCRIPTION",
        "ops.c,           cSource,       false, '',         C_SOURCE",
        "ops.h,           cSource,       false, '',         C_HEADER",
        "ops.inc,         cSource,       true,  '',         C_HEADER",
        "ops.c,           user,          false, '',         C_SOURCE",
        "fir.cpp,         cppSource,     false, simulation, SIMULATION_MODEL",
        "fir.v,           simModel,      false, '',         SIMULATION_MODEL",
        "fir.v,           verilogSource, false, '',         OTHER",
        "README.md,       user,          false, '',         OTHER",
    })
    void roleOf(String name, String fileType, boolean include, String tag, FileRole role) {
        FileEntry f = new FileEntry(name, fileType, "", include, "", Map.of(), tag.isEmpty() ? List.of() : List.of(tag), "",
                new SourcePosition("t.core", 1, 1));
        assertEquals(role, FileRole.of(f));
    }
}
