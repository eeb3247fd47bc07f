package io.jynq.magics;

/**
 * What a magic shows: HTML for notebooks and the same content as text for JShell and for the
 * text/plain fallback. The kernel renders it as text/html with text/plain beside.
 *
 * @param html an HTML fragment (escaped by whoever built it)
 * @param text the plain-text form
 */
public record View(String html, String text) {

    /** The text form, so a JShell user sees it after {@code ==>}. */
    @Override
    public String toString() {
        return text;
    }
}
