package io.jynq.ffi.cc;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Reads gcc's output: temporary paths removed, each {@code file:line:col: severity: message} parsed. */
final class GccOutput {
    private GccOutput() {}

    /** The output with the build directory's path removed, so only the user's names remain. */
    static String strip(String output, Path work) {
        return output.replace(work.toString() + "/", "").replace(work.toString(), "");
    }

    static List<CDiagnostic> diagnostics(String output, Path work) {
        List<CDiagnostic> out = new ArrayList<>();
        for (String line : strip(output, work).split("\n")) {
            CDiagnostic.parse(line).ifPresent(out::add);
        }
        return out;
    }

    static CCompileException failure(String compiler, String sourceName, String output, Path work,
            List<CDiagnostic> diagnostics) {
        String first = diagnostics.stream().filter(CDiagnostic::isError).map(CDiagnostic::toString).findFirst()
                .orElse(compiler + " failed on " + sourceName);
        return new CCompileException(first + "\n" + strip(output, work).strip(), diagnostics);
    }
}
