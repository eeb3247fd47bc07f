package io.jynq.ffi.rtl;

import com.sun.jna.Native;
import com.sun.jna.NativeLibrary;
import io.jynq.ffi.cc.CCompiler;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The dispatcher library ({@code jynq_rtl_dispatch.c}), bound by JNA direct mapping so that a
 * register access is one cheap native call. Built with gcc on first use and cached like any C
 * library ({@link CCompiler}). Handles are the dispatcher's pointers as {@code long}.
 */
final class RtlNative {
    static {
        String source = resource("jynq_rtl.h") + "\n" + resource("jynq_rtl_dispatch.c");
        NativeLibrary lib = NativeLibrary.getInstance(new CCompiler()
                .compile("jynq_rtl_dispatch.c", source, List.of("-ldl"), "int jr_abi(void);").library().toString());
        Native.register(RtlNative.class, lib);
    }

    private RtlNative() {}

    /** Touches the class, so that building the dispatcher fails here rather than mid-call. */
    static void load() {}

    static String resource(String name) {
        try (InputStream in = RtlNative.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("resource " + name + " is missing from the JYNQ native jar");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read resource " + name, e);
        }
    }

    static native int jr_abi();

    static native long jr_open(String path, byte[] error, int errorLength);

    static native void jr_close(long handle);

    static native void jr_reset(long handle);

    static native long jr_read(long handle, int address, long pendingCycles, int limitCycles);

    static native int jr_write(long handle, int address, int data, int strobe, long pendingCycles, int limitCycles);

    static native int jr_stream(long handle, long io);

    static native int jr_run(long handle, long cycles);

    static native long jr_cycles(long handle);

    static native int jr_trace(long handle, String path, long periodPs);

    static native int jr_features(long handle);

    static native int jr_probe(long handle);
}
