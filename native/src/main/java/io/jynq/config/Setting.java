package io.jynq.config;

/**
 * Every setting JYNQ reads from the environment or a system property: one row each of README's
 * table "Settings". {@link JynqConfig} reads them, system property first: a {@code -D} is the
 * more specific choice (one JVM), the environment the broader one (every process of a shell).
 * A blank value counts as unset.
 */
public enum Setting {
    /** The device backend. */
    DEVICE("JYNQ_DEVICE", "jynq.device", "device backend: `sim`, `embedded` (default: `embedded` where FPGA Manager exists under the board root, else `sim`)"),
    /** The file-system root of a real board's kernel interfaces. */
    BOARD_ROOT("JYNQ_BOARD_ROOT", "jynq.board.root", "root the board's `/dev`, `/sys`, `/lib/firmware` hang from (default `/`)"),
    /** Where the embedded backend keeps PL state shared by processes. */
    STATE_DIR("JYNQ_STATE_DIR", "jynq.state.dir", "embedded backend's shared PL state (default `<board root>/var/lib/jynq`)"),
    /** The simulated board's state folder. */
    SIM_DIR("JYNQ_SIM_DIR", "jynq.sim.dir", "simulated board's state folder (default `~/.jynq/sim/<board>`)"),
    /** The simulated board's name. */
    SIM_BOARD("JYNQ_SIM_BOARD", "jynq.sim.board", "simulated board's name (default `pynq-z1`)"),
    /** The simulated DDR size in MiB. */
    SIM_DDR_MIB("JYNQ_SIM_DDR_MIB", "jynq.sim.ddrMib", "simulated DDR in MiB, 1..1024 (default 512; the board's first process fixes it)"),
    /** Where bundled overlays are extracted. */
    CACHE_DIR("JYNQ_CACHE_DIR", "jynq.cache.dir", "where bundled overlays are extracted (default `~/.jynq/cache`)"),
    /** Extra overlay folders. */
    OVERLAY_PATH("JYNQ_OVERLAY_PATH", "jynq.overlay.path", "extra overlay folders, separated by `:` (see \"Where overlays are found\")"),
    /** Folders of FuseSoC cores that RTL cores' dependencies are found in. */
    CORES_PATH("JYNQ_CORES_PATH", "jynq.cores.path", "folders of FuseSoC `.core` files where an RTL core's `depend`s are found, separated by `:` (the core's own folder and its overlay package are searched too)"),
    /** Where compiled C is cached. */
    CC_CACHE("JYNQ_CC_CACHE", "jynq.cc.cache", "compiled C cells and device libraries (default `~/.cache/jynq/cc`)"),
    /** Where the kernel's JVM writes a crash report. */
    CRASH_DIR("JYNQ_CRASH_DIR", "jynq.crash.dir", "where the kernel's JVM writes its crash report (`hs_err_pid*.log`) should in-process C (`%%c NAME --in-process`) crash it (default `~/.jynq/crash`)"),
    /** The C compiler. */
    CC("CC", "jynq.cc", "C compiler for `%%c` and device operations (default `gcc`)"),
    /** The kernel's history file. */
    HISTORY("JYNQ_HISTORY", "jynq.history", "cell history file, or `off` (default `~/.jynq/history.jsonl`)"),
    /** An extra startup script. */
    STARTUP("JYNQ_STARTUP", "jynq.startup", "a `.jsh` file the kernel runs after its own startup"),
    /** A per-cell time limit. */
    TIMEOUT("JYNQ_TIMEOUT", "jynq.timeout", "per-cell time limit: `30`, `30s`, `500ms`, `2m`, `PT30S` (default none)"),
    /** How long a wait on hardware without a Duration lasts. */
    WAIT_TIMEOUT("JYNQ_WAIT_TIMEOUT", "jynq.wait.timeout", "how long `await()`, `waitForValue(v)` and other waits without a Duration last: seconds (`30`, `2.5`) or `PT2M` (default 1 minute; the stop button ends them sooner)"),
    /** Extra JShell compiler options. */
    COMPILER_OPTS("JYNQ_COMPILER_OPTS", "jynq.compiler.opts", "extra javac options for cells, separated by spaces"),
    /** Whether expression cells skip JShell's type pass. */
    EVAL_FAST_PATH("JYNQ_EVAL_FAST_PATH", "jynq.eval.fastPath", "`false` sends expression cells through JShell's own four javac passes instead of JYNQ's two (default `true`; for comparing, and a way out should a cell behave differently)"),
    /** Whether the kernel warms javac's compiled code in the background before the first cells. */
    JIT_WARMUP("JYNQ_JIT_WARMUP", "jynq.jit.warmup", "`off` stops the kernel compiling sample cells in its own JShell while it waits for the first cells, which brings javac's JIT-compiled code nearer its warm speed (default `on`; `off` on an ARM board and in the `--memory 512m` sizing)"),
    /** The rate at which a cell's stdout and stderr reach the notebook. */
    IOPUB_DATA_RATE_LIMIT("JYNQ_IOPUB_DATA_RATE_LIMIT", "jynq.iopub.dataRateLimit", "the notebook server's `iopub_data_rate_limit` (bytes per second over 3 s) that a cell's stdout+stderr must stay under: JYNQ sends at most a third of it, more is dropped and the cell says how much (default 1000000, Jupyter's default; 0 = no limit)"),
    /** A remote board's bearer token. */
    REMOTE_TOKEN("JYNQ_REMOTE_TOKEN", "jynq.remote.token", "remote boards: the bearer token the client sends and `board serve` requires"),
    /** A file holding the token. */
    REMOTE_TOKEN_FILE("JYNQ_REMOTE_TOKEN_FILE", "jynq.remote.tokenFile", "remote boards: a file holding the token"),
    /** Mutual TLS: the board's CA. */
    REMOTE_TLS_CA("JYNQ_REMOTE_TLS_CA", "jynq.remote.tlsCa", "remote boards: the CA certificate (PEM) the client trusts"),
    /** Mutual TLS: the client's certificate. */
    REMOTE_TLS_CERT("JYNQ_REMOTE_TLS_CERT", "jynq.remote.tlsCert", "remote boards: the client's certificate (PEM) for mutual TLS"),
    /** Mutual TLS: the client's key. */
    REMOTE_TLS_KEY("JYNQ_REMOTE_TLS_KEY", "jynq.remote.tlsKey", "remote boards: the client's private key (PEM) for mutual TLS"),
    /** One remote call's deadline. */
    REMOTE_TIMEOUT("JYNQ_REMOTE_TIMEOUT", "jynq.remote.timeout", "remote boards: one call's deadline in seconds (default 30)"),
    /** The process that started the kernel (Jupyter's variable). */
    PARENT_PID("JPY_PARENT_PID", null, "set by Jupyter: the kernel ends when that process does"),
    /** Jupyter's data folder (Jupyter's own variable), where the kernelspec goes. */
    JUPYTER_DATA_DIR("JUPYTER_DATA_DIR", null, "Jupyter's data folder; `install-kernel --user` writes `<it>/kernels/jynq` (default `~/.local/share/jupyter`)"),
    /** The JYNQ checkout, set by {@code ./jynq}. */
    SOURCE_HOME("JYNQ_HOME", "jynq.home", "the JYNQ checkout; `./jynq` sets it for the benchmarks"),
    /** Test data folder (tests only). */
    SHARED_DIR(null, "jynq.shared.dir", "tests: the shared test data (default `../shared`)"),
    /** PYNQ sources for opt-in differential tests. */
    PYNQ_SRC("JYNQ_PYNQ_SRC", "jynq.pynq.src", "tests: a Xilinx/PYNQ checkout for the opt-in differential tests"),
    /** RTL sources for opt-in tests. */
    RTL_SRC("JYNQ_RTL_SRC", "jynq.rtl.src", "tests: HDL sources for the opt-in RTL tests"),
    /** The java that kernel ITs start. */
    IT_JAVA("JYNQ_IT_JAVA", "jynq.it.java", "tests: the `java` the kernel and notebook ITs start (default: this JVM's)"),
    /** Whether the browser IT must run. */
    E2E("JYNQ_E2E", "jynq.e2e", "tests: `require` makes the browser IT fail instead of skip without Chromium");

    private final String env;
    private final String property;
    private final String meaning;

    Setting(String env, String property, String meaning) {
        this.env = env;
        this.property = property;
        this.meaning = meaning;
    }

    /** The environment variable, or null if only a system property sets it. */
    public String env() {
        return env;
    }

    /** The system property, or null if only the environment sets it. */
    public String property() {
        return property;
    }

    /** What it sets, in README's words (Markdown). */
    public String meaning() {
        return meaning;
    }

    /** How an error message names it: {@code JYNQ_SIM_DIR (-Djynq.sim.dir)}. */
    public String label() {
        return env == null ? "-D" + property : property == null ? env : env + " (-D" + property + ")";
    }
}
