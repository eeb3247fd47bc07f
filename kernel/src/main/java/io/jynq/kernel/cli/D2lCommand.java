package io.jynq.kernel.cli;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import io.jynq.d2l.Argument;
import io.jynq.d2l.D2lFile;
import io.jynq.d2l.D2lParser;
import io.jynq.d2l.DeviceDescription;
import io.jynq.d2l.DriverMethod;
import io.jynq.d2l.Implementation;
import io.jynq.d2l.NativeFunction;
import io.jynq.d2l.Operation;
import io.jynq.d2l.RegisterProgram;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code ./jynq d2l FILE.d2l.yaml [--json]}: validates a device description and lists its devices
 * and operations with their signatures, flags and implementations. Exit status 1 with a
 * {@code file:line:column: message} line when the description is invalid.
 */
@Command(name = "d2l", mixinStandardHelpOptions = true,
        description = "Validate a device description (Koheron D2L style) and list its devices and operations.")
public final class D2lCommand extends CliCommand {

    @Parameters(index = "0", paramLabel = "FILE.d2l.yaml", description = "the device description")
    Path file;

    @Option(names = "--json", description = "print JSON instead of text")
    boolean json;

    @Override
    void run(PrintWriter out) {
        D2lFile f = D2lParser.parse(file);
        if (json) {
            out.println(CoreCommand.gson().toJson(toJson(f)));
        } else {
            print(out, f);
        }
    }

    private static void print(PrintWriter out, D2lFile f) {
        out.println(f.file() + ": valid, " + f.devices().size() + (f.devices().size() == 1 ? " device" : " devices"));
        for (DeviceDescription d : f.devices()) {
            List<String> about = new ArrayList<>();
            if (!d.ip().isEmpty()) {
                about.add("ip " + d.ip());
            }
            if (!d.library().isEmpty()) {
                about.add("library " + d.library());
            }
            out.println();
            out.println(d.name() + (d.description().isEmpty() ? "" : "  " + d.description())
                    + (about.isEmpty() ? "" : "  (" + String.join(", ", about) + ")"));
            for (Operation op : d.operations()) {
                out.println("  " + signature(op) + flags(op));
                out.println("      " + implementation(op.implementation())
                        + (op.description().isEmpty() ? "" : "; " + op.description()));
            }
        }
    }

    private static String signature(Operation op) {
        StringBuilder sb = new StringBuilder(op.name()).append('(');
        for (int i = 0; i < op.arguments().size(); i++) {
            Argument a = op.arguments().get(i);
            sb.append(i == 0 ? "" : ", ").append(a.type().yamlName()).append(' ').append(a.name());
            if (a.defaultValue() != null) {
                sb.append(" = ").append(a.defaultValue());
            }
        }
        sb.append(')');
        return op.returnType() == null ? sb.toString() : sb + " -> " + op.returnType().yamlName();
    }

    private static String flags(Operation op) {
        List<String> f = new ArrayList<>();
        if (op.atInit()) {
            f.add("AT_INIT");
        }
        if (op.sendsBuffer()) {
            f.add("SEND_BUFFER " + String.join(",", op.bufferNames()));
        }
        return f.isEmpty() ? "" : "  [" + String.join("; ", f) + "]";
    }

    private static String implementation(Implementation impl) {
        if (impl instanceof DriverMethod m) {
            return "driver " + m.ip() + "." + m.method() + "(...)";
        }
        if (impl instanceof NativeFunction n) {
            return "c " + n.library() + ":" + n.function();
        }
        RegisterProgram p = (RegisterProgram) impl;
        return "registers of " + p.ip() + ": " + p.steps().size() + (p.steps().size() == 1 ? " step" : " steps") + ", polls time out after "
                + p.timeout().toMillis() + " ms" + (p.result().isEmpty() ? "" : ", returns " + p.result());
    }

    private static JsonObject toJson(D2lFile f) {
        JsonObject root = new JsonObject();
        root.addProperty("file", f.file());
        JsonArray devices = new JsonArray();
        for (DeviceDescription d : f.devices()) {
            JsonObject dj = CoreCommand.gson().toJsonTree(d).getAsJsonObject();
            JsonArray ops = new JsonArray();
            for (Operation op : d.operations()) {
                JsonObject oj = CoreCommand.gson().toJsonTree(op).getAsJsonObject();
                JsonObject ij = CoreCommand.gson().toJsonTree(op.implementation()).getAsJsonObject();
                ij.addProperty("kind", op.implementation() instanceof DriverMethod ? "driver"
                        : op.implementation() instanceof NativeFunction ? "c" : "registers");
                oj.add("implementation", ij);
                ops.add(oj);
            }
            dj.add("operations", ops);
            devices.add(dj);
        }
        root.add("devices", devices);
        return root;
    }
}
