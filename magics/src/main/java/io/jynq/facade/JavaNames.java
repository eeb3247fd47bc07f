package io.jynq.facade;

import java.util.Set;

/**
 * Java names for things named in a {@code .hwh}: IP and hierarchy names become field names as
 * PYNQ makes attribute names of them (every character outside {@code [A-Za-z0-9_]} becomes
 * {@code _}, a leading digit gets an {@code r} prefix, as {@code pynq/registers.py} does for
 * register names), and a Java keyword gets a trailing {@code _} ({@code switch} → {@code switch_}).
 */
public final class JavaNames {
    private static final Set<String> KEYWORDS = Set.of("abstract", "assert", "boolean", "break", "byte", "case",
            "catch", "char", "class", "const", "continue", "default", "do", "double", "else", "enum", "extends",
            "final", "finally", "float", "for", "goto", "if", "implements", "import", "instanceof", "int",
            "interface", "long", "native", "new", "package", "private", "protected", "public", "return", "short",
            "static", "strictfp", "super", "switch", "synchronized", "this", "throw", "throws", "transient", "try",
            "void", "volatile", "while", "true", "false", "null", "var", "yield", "record", "sealed", "permits",
            "_");

    private JavaNames() {
    }

    /**
     * The field name for a {@code .hwh} name, e.g. {@code axi_dma_0} → {@code axi_dma_0},
     * {@code 7seg} → {@code r7seg}, {@code rgb.leds} → {@code rgb_leds}.
     *
     * @throws IllegalArgumentException if {@code name} is empty
     */
    public static String field(String name) {
        if (name == null || name.isEmpty()) {
            throw new IllegalArgumentException("empty name cannot become a Java field name");
        }
        StringBuilder b = new StringBuilder(name.length() + 1);
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            boolean ok = c < 128 && (Character.isLetterOrDigit(c) || c == '_');
            b.append(ok ? c : '_');
        }
        if (Character.isDigit(b.charAt(0))) {
            b.insert(0, 'r');
        }
        String s = b.toString();
        return KEYWORDS.contains(s) ? s + "_" : s;
    }

    /**
     * A class name for a {@code .hwh} name: the field name in upper camel case,
     * {@code dsp_loopback} → {@code DspLoopback}, {@code hdmi_in} → {@code HdmiIn}.
     */
    public static String type(String name) {
        String f = field(name);
        StringBuilder b = new StringBuilder(f.length());
        boolean up = true;
        for (int i = 0; i < f.length(); i++) {
            char c = f.charAt(i);
            if (c == '_') {
                up = true;
                continue;
            }
            b.append(up ? Character.toUpperCase(c) : c);
            up = false;
        }
        if (b.length() == 0 || !Character.isJavaIdentifierStart(b.charAt(0))) {
            b.insert(0, 'T');
        }
        return b.toString();
    }

    /**
     * {@code s} as a Java string literal, quotes included, safe whatever it holds: backslash and
     * quote escaped, control characters as octal escapes, and no backslash left that javac could
     * read as the start of a {@code \\u} escape (those are decoded before lexing).
     */
    public static String literal(String s) {
        StringBuilder b = new StringBuilder(s.length() + 2).append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\\' || c == '"') {
                b.append('\\').append(c);
            } else if (c < 0x20 || c == 0x7F) {
                b.append(String.format("\\%03o", (int) c));
            } else {
                b.append(c);
            }
        }
        return b.append('"').toString();
    }

    /**
     * {@code s} as text safe inside a Javadoc or block comment: no comment terminator, no line
     * break, no backslash javac could decode as a unicode escape.
     */
    public static String comment(String s) {
        StringBuilder b = new StringBuilder(String.valueOf(s).length());
        for (char c : String.valueOf(s).toCharArray()) {
            b.append(c == '\\' ? '/' : c < 0x20 || c == 0x7F ? ' ' : c);
        }
        return b.toString().replace("*/", "* /");
    }

    /** True if {@code s} is a Java identifier that is not a keyword. */
    public static boolean isIdentifier(String s) {
        if (s == null || s.isEmpty() || KEYWORDS.contains(s) || !Character.isJavaIdentifierStart(s.charAt(0))) {
            return false;
        }
        for (int i = 1; i < s.length(); i++) {
            if (!Character.isJavaIdentifierPart(s.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    /**
     * Checks a name the user typed.
     *
     * @param what what the name is for, for the message, e.g. "variable name"
     * @throws IllegalArgumentException naming the value and a sanitised suggestion if it is not an identifier
     */
    public static void requireIdentifier(String s, String what) {
        if (!isIdentifier(s)) {
            String hint = s == null || s.isEmpty() ? "" : "; try " + field(s);
            throw new IllegalArgumentException(what + " \"" + s + "\" is not a Java identifier" + hint);
        }
    }

    /**
     * How Java source in the session names {@code c}: its canonical name, or the simple name for a
     * class a JShell cell declared (its canonical name, {@code REPL.$JShell$12.TestOverlay}, names
     * one version of the class, which a later redefinition replaces).
     */
    public static String typeName(Class<?> c) {
        String name = c.getCanonicalName();
        return name != null && name.startsWith("REPL.") ? c.getSimpleName() : name;
    }
}
