package io.jynq.testing;

/** Runs test code with a system property set (e.g. {@code jynq.wait.timeout}), restoring its old value after. */
public final class TempProperty {
    /** Test code that may throw. */
    @FunctionalInterface
    public interface Body {
        void run() throws Exception;
    }

    private TempProperty() {}

    /** Sets {@code key} to {@code value}, runs {@code body}, and puts back the old value (or clears it). */
    public static void with(String key, String value, Body body) throws Exception {
        String before = System.getProperty(key);
        System.setProperty(key, value);
        try {
            body.run();
        } finally {
            if (before == null) {
                System.clearProperty(key);
            } else {
                System.setProperty(key, before);
            }
        }
    }
}
