package io.jynq.facade;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.charset.StandardCharsets;

/**
 * Fuzzes the naming of {@code .hwh} names (outside input) in generated facades: any name gives a
 * Java identifier for fields and classes, a string literal javac reads back as the same text, and
 * comment text that cannot end or break the comment. Seeds: {@code JavaNamesFuzzTestInputs/names}.
 */
class JavaNamesFuzzTest {

    @FuzzTest(maxDuration = "1m")
    void names(byte[] input) {
        String s = new String(input, StandardCharsets.UTF_8);
        if (s.isEmpty()) {
            return;
        }
        check(JavaNames.isIdentifier(JavaNames.field(s)), "field", s);
        check(JavaNames.isIdentifier(JavaNames.type(s)), "type", s);
        check(decode(JavaNames.literal(s)).equals(s), "literal", s);
        String c = JavaNames.comment(s);
        check(!c.contains("*/") && c.indexOf('\\') < 0 && c.chars().noneMatch(ch -> ch < 0x20), "comment", s);
    }

    private static void check(boolean ok, String what, String s) {
        if (!ok) {
            throw new AssertionError(what + " is wrong for " + s.codePoints().mapToObj(Integer::toHexString).toList());
        }
    }

    /**
     * Reads a literal as javac would, strictly: quotes around, only {@code \\ \" \ooo} escapes, no
     * raw control character, and no backslash javac could take as a unicode escape's start.
     */
    static String decode(String lit) {
        if (lit.length() < 2 || lit.charAt(0) != '"' || lit.charAt(lit.length() - 1) != '"') {
            throw new AssertionError("not quoted: " + lit);
        }
        StringBuilder out = new StringBuilder();
        for (int i = 1; i < lit.length() - 1; i++) {
            char c = lit.charAt(i);
            if (c < 0x20 || c == '"') {
                throw new AssertionError("raw control character or quote in " + lit);
            }
            if (c != '\\') {
                out.append(c);
                continue;
            }
            char n = lit.charAt(++i);
            if (n == '\\' || n == '"') {
                out.append(n);
            } else if (n >= '0' && n <= '3') {
                out.append((char) Integer.parseInt(lit.substring(i, i + 3), 8));
                i += 2;
            } else {
                throw new AssertionError("escape \\" + n + " in " + lit);
            }
        }
        return out.toString();
    }
}
