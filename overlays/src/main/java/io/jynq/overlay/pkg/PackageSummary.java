package io.jynq.overlay.pkg;

/**
 * One line of {@code %overlays}: a package found, or a folder whose core could not be read.
 *
 * @param name        the overlay name (the VLNV's name part, or the folder's name when unreadable)
 * @param vlnv        the core's VLNV, or empty when unreadable
 * @param description the core's description, or empty
 * @param location    the package folder, or {@code classpath:io/jynq/overlays/<name>} for a bundled one
 * @param problem     empty, or why the core could not be read ({@code file:line:column: ...})
 */
public record PackageSummary(String name, String vlnv, String description, String location, String problem) {

    /** Whether the package can be loaded. */
    public boolean isValid() {
        return problem.isEmpty();
    }

    @Override
    public String toString() {
        return name + "  " + (isValid() ? vlnv + (description.isEmpty() ? "" : "  " + description) : "INVALID: " + problem)
                + "  (" + location + ")";
    }
}
