package io.jynq.ffi.cheader;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits C text into tokens with their line numbers. Comments and preprocessor lines (with
 * backslash continuations) are dropped: the header loader takes declarations as written and does
 * not expand macros, so a macro in a declaration is reported as an unknown type.
 */
final class CLexer {
    private final String name;
    private final String text;
    private final String[] lines;
    private int pos;
    private int line = 1;
    private boolean lineStart = true;

    CLexer(String name, String text) {
        this.name = name;
        this.text = text;
        this.lines = text.split("\r\n|\r|\n", -1);
    }

    /** The text of a 1-based line, for messages. */
    String lineText(int n) {
        return n >= 1 && n <= lines.length ? lines[n - 1] : "";
    }

    CHeaderException error(int atLine, String problem) {
        return new CHeaderException(name, atLine, problem, lineText(atLine));
    }

    List<CToken> tokens() {
        List<CToken> out = new ArrayList<>();
        while (pos < text.length()) {
            char c = text.charAt(pos);
            if (c == '\n') {
                line++;
                pos++;
                lineStart = true;
            } else if (Character.isWhitespace(c)) {
                pos++;
            } else if (c == '#' && lineStart) {
                skipDirective();
            } else if (text.startsWith("//", pos)) {
                while (pos < text.length() && text.charAt(pos) != '\n') {
                    pos++;
                }
            } else if (text.startsWith("/*", pos)) {
                skipBlockComment();
            } else {
                lineStart = false;
                out.add(next(c));
            }
        }
        return out;
    }

    private void skipDirective() {
        while (pos < text.length()) {
            char c = text.charAt(pos);
            if (c == '\\' && pos + 1 < text.length() && text.charAt(pos + 1) == '\n') {
                line++;
                pos += 2;
            } else if (c == '\n') {
                return;
            } else if (text.startsWith("/*", pos)) {
                skipBlockComment();
            } else {
                pos++;
            }
        }
    }

    private void skipBlockComment() {
        int start = line;
        int end = text.indexOf("*/", pos + 2);
        if (end < 0) {
            throw error(start, "unterminated /* comment");
        }
        for (int i = pos; i < end; i++) {
            if (text.charAt(i) == '\n') {
                line++;
            }
        }
        pos = end + 2;
    }

    private CToken next(char c) {
        int start = pos;
        if (Character.isJavaIdentifierStart(c) && c < 128) {
            while (pos < text.length() && text.charAt(pos) < 128 && Character.isJavaIdentifierPart(text.charAt(pos))) {
                pos++;
            }
            return new CToken(CToken.Type.IDENT, text.substring(start, pos), line);
        }
        if (Character.isDigit(c)) {
            while (pos < text.length() && (Character.isLetterOrDigit(text.charAt(pos)) || text.charAt(pos) == '.')) {
                pos++;
            }
            return new CToken(CToken.Type.NUMBER, text.substring(start, pos), line);
        }
        if (c == '"' || c == '\'') {
            return literal(c);
        }
        if (text.startsWith("...", pos)) {
            pos += 3;
            return new CToken(CToken.Type.PUNCT, "...", line);
        }
        if ("(){}[];,*&=<>+-/%!~?:.|^".indexOf(c) >= 0) {
            pos++;
            return new CToken(CToken.Type.PUNCT, String.valueOf(c), line);
        }
        throw error(line, "unexpected character '" + printable(c) + "'");
    }

    private CToken literal(char quote) {
        int startLine = line;
        int start = ++pos;
        while (pos < text.length() && text.charAt(pos) != quote) {
            char c = text.charAt(pos);
            if (c == '\n') {
                throw error(startLine, "unterminated " + (quote == '"' ? "string" : "character") + " literal");
            }
            if (c == '\\' && pos + 1 < text.length() && text.charAt(pos + 1) == '\n') {
                line++;
            }
            pos += c == '\\' ? 2 : 1;
        }
        if (pos >= text.length()) {
            throw error(startLine, "unterminated " + (quote == '"' ? "string" : "character") + " literal");
        }
        String body = text.substring(start, pos++);
        return new CToken(quote == '"' ? CToken.Type.STRING : CToken.Type.NUMBER, body, startLine);
    }

    private static String printable(char c) {
        return c >= 32 && c < 127 ? String.valueOf(c) : String.format("\\u%04x", (int) c);
    }
}
