package io.jynq.kernel;

import io.jynq.config.JynqConfig;
import io.jynq.config.Setting;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Locale;
import java.util.Properties;

/**
 * The facts the kernel_info banner and {@code %help} state: JYNQ's version (from the build), the
 * JDK running the kernel, and the device backend the session uses.
 */
public final class KernelInfo {
    private KernelInfo() {
    }

    private static volatile String version;

    /** JYNQ's version as built, e.g. {@code 0.1.0-SNAPSHOT} (read once). */
    public static String version() {
        String v = version;
        if (v == null) {
            v = readVersion();
            version = v;
        }
        return v;
    }

    private static String readVersion() {
        try (InputStream in = KernelInfo.class.getResourceAsStream("version.properties")) {
            if (in == null) {
                return "dev";
            }
            Properties p = new Properties();
            p.load(in);
            return p.getProperty("version", "dev");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read JYNQ's version.properties", e);
        }
    }

    /**
     * The device backend: system property {@code jynq.device}, else environment variable
     * {@code JYNQ_DEVICE}, else {@code sim} (the simulated PL).
     */
    public static String device() {
        return JynqConfig.current().string(Setting.DEVICE, "sim").toLowerCase(Locale.ROOT);
    }

    /** e.g. {@code 17.0.15 (Debian)}. */
    public static String jdk() {
        String vendor = System.getProperty("java.vendor", "");
        return Runtime.version() + (vendor.isBlank() ? "" : " (" + vendor + ")");
    }

    /** The banner a frontend shows: {@code JYNQ 0.1.0 | Java 17.0.15 (...) | device: sim}. */
    public static String banner() {
        return "JYNQ " + version() + " | Java " + jdk() + " | device: " + device()
                + "\nThe PYNQ notebook workflow in Java. %help lists magics and the display API.";
    }
}
