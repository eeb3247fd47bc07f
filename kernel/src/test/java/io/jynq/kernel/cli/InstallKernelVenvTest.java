package io.jynq.kernel.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * {@code install-kernel --prefix} into a Python virtual environment laid out as PYNQ's image makes
 * its own ({@code python3 -m venv --system-site-packages /usr/local/share/pynq-venv}, PYNQ's
 * sdbuild/packages/python_packages_jammy/qemu.sh; Jupyter runs from that venv): that venv's
 * Jupyter, asked by Debian's jupyter_client running as the venv's python, finds the kernelspec with
 * no JUPYTER_PATH and an empty home, and the system's Jupyter does not.
 */
class InstallKernelVenvTest {
    private static final Path PYTHON = Path.of("/usr/bin/python3");

    @TempDir
    Path tmp;
    private Path venv;
    private Path home;

    @BeforeEach
    void makeVenv() throws Exception {
        String why = null;
        if (!Files.isExecutable(PYTHON)) {
            why = "no " + PYTHON;
        } else if (run(List.of(PYTHON.toString(), "-c", "import venv, jupyter_client")).exit != 0) {
            why = PYTHON + " lacks venv or jupyter_client (apt-get install python3-jupyter-client)";
        }
        if (why != null) {
            if ("true".equals(System.getenv("CI"))) {
                throw new IllegalStateException(why);
            }
            Assumptions.abort(why);
        }
        venv = tmp.resolve("usr/local/share/pynq-venv");
        home = Files.createDirectories(tmp.resolve("home/xilinx"));
        // --without-pip: Debian keeps ensurepip in python3-venv; the layout is the same
        Result made = run(List.of(PYTHON.toString(), "-m", "venv", "--system-site-packages", "--without-pip", venv.toString()));
        assertEquals(0, made.exit, made.out);
    }

    private int install(StringWriter out, String... where) {
        CommandLine cl = new CommandLine(new InstallKernelCommand());
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(out, true));
        List<String> args = new ArrayList<>(List.of(where));
        args.addAll(List.of("--no-cds", "--classpath", "/x/jynq.jar", "--memory", "512m"));
        return cl.execute(args.toArray(new String[0]));
    }

    /** {@code jupyter kernelspec list --json} as run by {@code python}: name → resource dir. */
    private JsonObject kernelspecs(Path python) throws Exception {
        Result r = run(List.of(python.toString(), "-m", "jupyter_client.kernelspecapp", "list", "--json"));
        assertEquals(0, r.exit, r.out);
        return JsonParser.parseString(r.out.substring(r.out.indexOf('{'))).getAsJsonObject().getAsJsonObject("kernelspecs");
    }

    @Test
    void theVenvsJupyterFindsTheKernelspecAndTheSystemsDoesNot() throws Exception {
        StringWriter out = new StringWriter();
        assertEquals(0, install(out, "--prefix", venv.toString()), out.toString());
        assertTrue(out.toString().contains("found by the Jupyter of the Python environment " + venv), out.toString());

        JsonObject inVenv = kernelspecs(venv.resolve("bin/python3"));
        assertTrue(inVenv.has("jynq"), "the venv's Jupyter lists " + inVenv.keySet());
        JsonObject jynq = inVenv.getAsJsonObject("jynq");
        assertEquals(venv.resolve("share/jupyter/kernels/jynq").toString(), jynq.get("resource_dir").getAsString());
        String argv = jynq.getAsJsonObject("spec").getAsJsonArray("argv").toString();
        assertTrue(argv.contains("-XX:MaxRAM=512m") && argv.contains("io.jynq.kernel"), argv);

        assertFalse(kernelspecs(PYTHON).has("jynq"), "the system's Jupyter has its own kernelspecs only");
    }

    @Test
    void aPrefixThatIsNoPythonEnvironmentSaysJupyterNeedsJupyterPath() throws Exception {
        Path typo = tmp.resolve("usr/local/share/pynq_venv");
        StringWriter out = new StringWriter();
        assertEquals(0, install(out, "--prefix", typo.toString()), out.toString());
        assertTrue(out.toString().contains("JUPYTER_PATH=" + typo.resolve("share/jupyter")), out.toString());
        assertFalse(kernelspecs(venv.resolve("bin/python3")).has("jynq"), "installed elsewhere than the venv");
    }

    private record Result(int exit, String out) {
    }

    /** Runs a command with an empty home and no Jupyter path variables, as a fresh board's root would. */
    private Result run(List<String> cmd) throws Exception {
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
        pb.environment().keySet().removeIf(k -> k.startsWith("JUPYTER_") || k.equals("VIRTUAL_ENV") || k.equals("PYTHONPATH"));
        if (home != null) {
            pb.environment().put("HOME", home.toString());
        }
        pb.environment().put("PYDEVD_DISABLE_FILE_VALIDATION", "1");
        Process p = pb.start();
        String text = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(120, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new IllegalStateException(cmd + " did not finish in 120 s: " + text);
        }
        return new Result(p.exitValue(), text);
    }
}
