package io.jynq.remote;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/**
 * Python gRPC stubs generated from JYNQ's own {@code .proto} files with Debian's {@code protoc} and
 * {@code grpc_python_plugin} ({@code protobuf-compiler}, {@code protobuf-compiler-grpc}), run by
 * Debian's {@code /usr/bin/python3} with {@code python3-grpcio} and {@code python3-protobuf}: an
 * independent client of the board server. Missing tools skip the test with a message, and fail it
 * when {@code CI=true}.
 */
final class PythonGrpc {
    static final Path PYTHON = Path.of("/usr/bin/python3");
    static final Path PROTOC = Path.of("/usr/bin/protoc");
    static final Path PLUGIN = Path.of("/usr/bin/grpc_python_plugin");
    static final String APT = "apt-get install -y protobuf-compiler protobuf-compiler-grpc python3-grpcio python3-protobuf";

    private PythonGrpc() {}

    /** Skips (or fails under CI=true) unless every tool is there. */
    static void assumeAvailable() {
        String missing = null;
        if (!Files.isExecutable(PROTOC)) {
            missing = PROTOC.toString();
        } else if (!Files.isExecutable(PLUGIN)) {
            missing = PLUGIN.toString();
        } else if (!Files.isExecutable(PYTHON)) {
            missing = PYTHON.toString();
        } else {
            try {
                if (run(List.of(PYTHON.toString(), "-c", "import grpc, google.protobuf"), Path.of("."), 60).exit != 0) {
                    missing = "python3-grpcio / python3-protobuf";
                }
            } catch (IOException e) {
                missing = PYTHON + " (" + e.getMessage() + ")";
            }
        }
        if (missing != null) {
            String message = "the Python gRPC client needs " + missing + ": " + APT;
            if ("true".equals(System.getenv("CI"))) {
                fail(message);
            }
            Assumptions.abort(message);
        }
    }

    /** Generates {@code *_pb2.py} and {@code *_pb2_grpc.py} for PYNQ.remote's three services into {@code out}. */
    static void generate(Path out) throws IOException {
        Path protos = Path.of(System.getProperty("jynq.remote.protos", "src/main/proto")).toAbsolutePath();
        Files.createDirectories(out);
        Result r = run(List.of(PROTOC.toString(), "-I" + protos, "--python_out=" + out, "--grpc_python_out=" + out,
                "--plugin=protoc-gen-grpc_python=" + PLUGIN, "remote_device.proto", "mmio.proto", "buffer.proto",
                "jynq_remote.proto"), protos, 120);
        if (r.exit != 0) {
            fail("protoc failed on JYNQ's .proto files: " + r.output);
        }
    }

    record Result(int exit, String output) {}

    /** Runs a command, output and errors merged, within {@code seconds}. */
    static Result run(List<String> command, Path dir, int seconds) throws IOException {
        ProcessBuilder pb = new ProcessBuilder(new ArrayList<>(command)).directory(dir.toFile()).redirectErrorStream(true);
        pb.environment().remove("PYTHONPATH");
        Process p = pb.start();
        try {
            byte[] out = p.getInputStream().readAllBytes();
            if (!p.waitFor(seconds, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                return new Result(-1, "timed out after " + seconds + " s: " + new String(out, StandardCharsets.UTF_8));
            }
            return new Result(p.exitValue(), new String(out, StandardCharsets.UTF_8));
        } catch (InterruptedException e) {
            p.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
    }
}
