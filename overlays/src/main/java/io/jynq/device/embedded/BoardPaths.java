package io.jynq.device.embedded;

import io.jynq.config.JynqConfig;
import io.jynq.config.Setting;
import java.nio.file.Path;

/**
 * Where the kernel interfaces of a board live, all under one root: {@code /} on a board, a
 * temporary directory in tests. The root comes from {@code -Djynq.board.root}, else
 * {@code $JYNQ_BOARD_ROOT}, else {@code /}; the state directory (shared PL state, u-dma-buf
 * claims) from {@code -Djynq.state.dir}, else {@code $JYNQ_STATE_DIR}, else
 * {@code <root>/var/lib/jynq}.
 *
 * @param root the file-system root the board's paths hang from
 * @param stateDirectory where the PL state shared by all processes is kept
 */
public record BoardPaths(Path root, Path stateDirectory) {

    /** The paths of a board rooted at {@code root}, state in {@code <root>/var/lib/jynq}. */
    public static BoardPaths under(Path root) {
        return new BoardPaths(root, root.resolve("var/lib/jynq"));
    }

    /** The paths named by the system properties or environment (see the class description). */
    public static BoardPaths fromEnvironment() {
        JynqConfig config = JynqConfig.current();
        Path root = config.path(Setting.BOARD_ROOT).orElse(Path.of("/"));
        return config.path(Setting.STATE_DIR).map(state -> new BoardPaths(root, state)).orElseGet(() -> under(root));
    }


    /** A path such as {@code "dev/mem"} under the root. */
    public Path resolve(String relative) {
        return root.resolve(relative);
    }

    /** {@code /dev/mem}. */
    public Path devMem() {
        return resolve("dev/mem");
    }

    /** {@code /sys/class/fpga_manager/fpga0}. */
    public Path fpgaManager() {
        return resolve("sys/class/fpga_manager/fpga0");
    }

    /** {@code /lib/firmware}, where FPGA Manager looks for the file named in {@code firmware}. */
    public Path firmwareDirectory() {
        return resolve("lib/firmware");
    }

    /** {@code /sys/kernel/config/device-tree/overlays}. */
    public Path deviceTreeOverlays() {
        return resolve("sys/kernel/config/device-tree/overlays");
    }

    /** {@code /sys/class/u-dma-buf}. */
    public Path udmabufClass() {
        return resolve("sys/class/u-dma-buf");
    }

    /** {@code /sys/class/uio}. */
    public Path uioClass() {
        return resolve("sys/class/uio");
    }

    /** {@code /proc/interrupts}. */
    public Path procInterrupts() {
        return resolve("proc/interrupts");
    }

    /** {@code /proc/device-tree/compatible}, which tells Zynq-7000 from ZynqMP. */
    public Path deviceTreeCompatible() {
        return resolve("proc/device-tree/compatible");
    }

    /** {@code /dev/<name>}, e.g. {@code udmabuf0} or {@code uio3}. */
    public Path dev(String name) {
        return resolve("dev").resolve(name);
    }
}
