package io.jynq.overlay.pkg;

/**
 * One line of the overlay listing ({@code %overlays}, {@code ./jynq overlays}): an overlay
 * package, a bitstream without a package, or a folder whose core could not be read.
 *
 * @param name        the name {@code Overlay.load} takes: the core's VLNV name part, or the
 *                    bitstream's file name without {@code .bit}, or the folder's name when unreadable
 * @param vlnv        the core's VLNV, or empty for a bitstream without a package or an unreadable core
 * @param description the core's description, or what is known of a bare bitstream
 * @param location    the folder, or {@code classpath:io/jynq/overlays/<name>} for a bundled one
 * @param problem     empty, or why it cannot be loaded ({@code file:line:column: ...})
 */
public record OverlaySummary(String name, String vlnv, String description, String location, String problem) {

    /** Whether the overlay can be loaded. */
    public boolean isValid() {
        return problem.isEmpty();
    }

    /** What the listing prints: {@code name  vlnv  description  (location)}. */
    @Override
    public String toString() {
        String what = isValid() ? join(vlnv, description) : "INVALID: " + problem;
        return name + "  " + (what.isEmpty() ? "" : what + "  ") + "(" + location + ")";
    }

    private static String join(String a, String b) {
        return a.isEmpty() ? b : b.isEmpty() ? a : a + "  " + b;
    }
}
