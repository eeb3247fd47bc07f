package io.jynq.metadata;

import java.nio.charset.StandardCharsets;

/**
 * An ASCII element or attribute name that the readers ask {@link XmlScanner} for, held as bytes
 * so it is compared with the document's bytes directly.
 *
 * <p>Why not a String: comparing through {@code String.charAt} costs five calls per character
 * until the JIT has compiled them, and that comparison was a quarter of a cold parse of
 * {@code pynqz1_base.hwh} in the interpreter (JFR samples, {@code -Xint}); a cold parse is what
 * a user waits for on the first {@code Overlay.load}.
 */
final class XmlName {
    final byte[] ascii;
    final String text;

    private XmlName(String text) {
        this.text = text;
        this.ascii = text.getBytes(StandardCharsets.US_ASCII);
    }

    /** @throws IllegalArgumentException if {@code text} is not ASCII (a programming error) */
    static XmlName of(String text) {
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) > 0x7F) {
                throw new IllegalArgumentException("XML name '" + text + "' is not ASCII");
            }
        }
        return new XmlName(text);
    }

    /** One name per text, in order. */
    static XmlName[] of(String... texts) {
        XmlName[] names = new XmlName[texts.length];
        for (int i = 0; i < texts.length; i++) {
            names[i] = of(texts[i]);
        }
        return names;
    }

    @Override
    public String toString() {
        return text;
    }
}
