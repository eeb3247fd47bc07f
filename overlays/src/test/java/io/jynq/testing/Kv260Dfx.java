package io.jynq.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The real KV260 DFX design of PYNQ's composable pipeline ({@code cv_dfx_3_pr}) and its partial
 * design for region {@code composable/pr_2} ({@code rm_partial}, an add accelerator at
 * {@link #ADD_ACCEL}), laid out as a notebook folder: each {@code .hwh} from ../shared beside a
 * {@code .bit} of its name. The simulator checks a bitstream's header only, so the PYNQ-Z1 base
 * {@code .bit} stands in for both.
 */
public final class Kv260Dfx {
    /** The partial region the partial design is for. */
    public static final String REGION = "composable/pr_2";
    /** Where the partial design's {@code add_accel} answers. */
    public static final long ADD_ACCEL = 0x8014_0000L;

    private Kv260Dfx() {}

    /**
     * Creates {@code <dir>/cv} with {@code cv_dfx_3_pr.bit/.hwh} and {@code rm_partial.bit/.hwh}.
     *
     * @return the full design's {@code .bit}
     */
    public static Path folder(Path dir) throws IOException {
        Path d = Files.createDirectories(dir.resolve("cv"));
        Files.createSymbolicLink(d.resolve("cv_dfx_3_pr.bit"), SharedData.bit("pynqz1_base.bit"));
        Files.createSymbolicLink(d.resolve("cv_dfx_3_pr.hwh"), SharedData.hwh("kv260_cv_dfx_3_pr.hwh"));
        Files.createSymbolicLink(d.resolve("rm_partial.bit"), SharedData.bit("pynqz1_base.bit"));
        Files.createSymbolicLink(d.resolve("rm_partial.hwh"), SharedData.hwh("kv260_pr2_add_partial.hwh"));
        return d.resolve("cv_dfx_3_pr.bit");
    }
}
