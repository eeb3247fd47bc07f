package io.jynq.ffi.cheader;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads function declarations from C text, one top-level declaration at a time. Bodies of
 * functions, structs and initialisers are skipped by brace matching; {@code extern "C" { }}
 * blocks are entered. In {@link Mode#HEADER} every declaration must be a callable function
 * prototype; in {@link Mode#DEFINITIONS} (a C source given to gcc) only the non-static function
 * definitions are taken and everything else is passed over.
 */
final class CParser {
    enum Mode { HEADER, DEFINITIONS }

    private static final Set<String> TRAILERS = Set.of("__attribute__", "__attribute", "__asm__", "asm", "__asm");

    private final CLexer lexer;
    private final List<CToken> toks;
    private final Mode mode;
    private final CTypeResolver types = new CTypeResolver();
    private int i;

    CParser(String name, String text, Mode mode) {
        this.lexer = new CLexer(name, text);
        this.toks = lexer.tokens();
        this.mode = mode;
    }

    List<CDeclaration> parse() {
        Map<String, CDeclaration> found = new LinkedHashMap<>();
        int externDepth = 0;
        int externLine = 0;
        while (i < toks.size()) {
            CToken t = toks.get(i);
            if (t.is(";")) {
                i++;
            } else if (t.is("}")) {
                if (externDepth == 0) {
                    throw lexer.error(t.line(), "unmatched '}'");
                }
                externDepth--;
                i++;
            } else if (t.is("extern") && i + 1 < toks.size() && toks.get(i + 1).type() == CToken.Type.STRING) {
                boolean block = i + 2 < toks.size() && toks.get(i + 2).is("{");
                if (block) {
                    externDepth++;
                    externLine = t.line();
                }
                i += block ? 3 : 2;
            } else {
                declaration(found);
            }
        }
        if (externDepth > 0) {
            throw lexer.error(externLine, "unterminated extern \"C\" { block");
        }
        return List.copyOf(found.values());
    }

    /** Collects one declaration up to its ';' or function body, then takes it or passes it over. */
    private void declaration(Map<String, CDeclaration> found) {
        int line = toks.get(i).line();
        int paren = 0;
        boolean body = false;
        List<CToken> decl = new ArrayList<>();
        while (true) {
            if (i >= toks.size()) {
                throw lexer.error(line, "missing ';' at the end of this declaration");
            }
            CToken t = toks.get(i);
            if (t.is("(")) {
                paren++;
            } else if (t.is(")")) {
                if (--paren < 0) {
                    throw lexer.error(t.line(), "unmatched ')'");
                }
            } else if (paren == 0 && t.is(";")) {
                i++;
                break;
            } else if (paren == 0 && t.is("}")) {
                throw lexer.error(line, "missing ';' at the end of this declaration");
            } else if (t.is("{")) {
                if (paren > 0) {
                    throw lexer.error(t.line(), "unexpected '{' inside parentheses");
                }
                boolean function = !decl.isEmpty() && decl.get(decl.size() - 1).is(")") && !decl.get(0).is("typedef")
                        && !isInitializer(decl);
                skipBraces();
                if (function) {
                    body = true;
                    break;
                }
                continue;
            }
            decl.add(t);
            i++;
        }
        take(decl, body, line, found);
    }

    private static boolean isInitializer(List<CToken> decl) {
        return decl.stream().anyMatch(t -> t.is("="));
    }

    private void skipBraces() {
        int open = toks.get(i).line();
        int depth = 0;
        do {
            if (i >= toks.size()) {
                throw lexer.error(open, "unterminated '{'");
            }
            CToken t = toks.get(i++);
            if (t.is("{")) {
                depth++;
            } else if (t.is("}")) {
                depth--;
            }
        } while (depth > 0);
    }

    private void take(List<CToken> decl, boolean body, int line, Map<String, CDeclaration> found) {
        if (decl.isEmpty()) {
            return;
        }
        String first = decl.get(0).text();
        int paren = topLevelParen(decl);
        if (first.equals("typedef")) {
            typedef(decl, line, paren);
            return;
        }
        boolean aggregate = (first.equals("struct") || first.equals("union") || first.equals("enum"))
                && (decl.size() == 2 || decl.size() == 1);
        if (aggregate) {
            return; // forward declarations and definitions of structs: nothing to call
        }
        if (paren < 0 || isInitializer(decl)) {
            if (mode == Mode.HEADER) {
                throw lexer.error(line, "only function declarations are supported; this declares a variable");
            }
            return;
        }
        boolean isStatic = decl.subList(0, paren).stream().anyMatch(t -> t.is("static"));
        if (mode == Mode.DEFINITIONS && (!body || isStatic)) {
            return; // prototypes and static helpers are not what the cell exports
        }
        if (isStatic) {
            throw lexer.error(line, "static function is not exported by a shared library");
        }
        CDeclaration d = function(decl, paren, line);
        CDeclaration earlier = found.get(d.name());
        if (earlier != null && !earlier.signature().equals(d.signature())) {
            throw lexer.error(line, "conflicting declarations of '" + d.name() + "': " + earlier.signature()
                    + " (line " + earlier.line() + ") and " + d.signature());
        }
        found.putIfAbsent(d.name(), d);
    }

    /** Index of the '(' that opens the declarator's parameter list, skipping attribute groups; -1 if none. */
    private static int topLevelParen(List<CToken> decl) {
        int k = 0;
        while (k < decl.size()) {
            CToken t = decl.get(k);
            if (t.isIdent() && TRAILERS.contains(t.text())) {
                k = skipGroup(decl, k + 1);
                if (k < 0) {
                    return -1;
                }
            } else if (t.is("(")) {
                return k;
            } else {
                k++;
            }
        }
        return -1;
    }

    /** Index after the balanced group starting at {@code k} (which must be '('), or -1. */
    private static int skipGroup(List<CToken> decl, int k) {
        if (k >= decl.size() || !decl.get(k).is("(")) {
            return -1;
        }
        int depth = 0;
        for (int j = k; j < decl.size(); j++) {
            if (decl.get(j).is("(")) {
                depth++;
            } else if (decl.get(j).is(")") && --depth == 0) {
                return j + 1;
            }
        }
        return -1;
    }

    private void typedef(List<CToken> decl, int line, int paren) {
        if (paren >= 0) {
            if (mode == Mode.HEADER) {
                throw lexer.error(line, "function pointer typedefs are not supported");
            }
            return;
        }
        List<CToken> rest = stripAttributes(decl.subList(1, decl.size()), line);
        if (rest.size() < 2 || !rest.get(rest.size() - 1).isIdent()) {
            throw lexer.error(line, "typedef without a name");
        }
        String name = rest.get(rest.size() - 1).text();
        List<CToken> type = rest.subList(0, rest.size() - 1);
        String head = type.get(0).text();
        boolean opaque = (head.equals("struct") || head.equals("union")) && type.stream().noneMatch(t -> t.is("*"));
        try {
            types.typedef(name, opaque ? null : types.resolve(type, "typedef " + name));
        } catch (IllegalArgumentException e) {
            throw lexer.error(line, e.getMessage());
        }
    }

    private CDeclaration function(List<CToken> decl, int paren, int line) {
        if (paren + 1 < decl.size() && (decl.get(paren + 1).is("*") || decl.get(paren + 1).is("^"))) {
            throw lexer.error(line, "function pointers are not supported");
        }
        if (paren == 0 || !decl.get(paren - 1).isIdent() || types.isTypeName(decl.get(paren - 1).text())
                || CTypeResolver.QUALIFIERS.contains(decl.get(paren - 1).text())) {
            throw lexer.error(line, "missing function name before '('");
        }
        String name = decl.get(paren - 1).text();
        int close = skipGroup(decl, paren) - 1;
        if (close < 0) {
            throw lexer.error(line, "unmatched '(' in the declaration of '" + name + "'");
        }
        List<CToken> after = decl.subList(close + 1, decl.size());
        if (!stripAttributes(after, line).isEmpty()) {
            throw lexer.error(line, "unexpected '" + stripAttributes(after, line).get(0).text()
                    + "' after the parameter list of '" + name + "'");
        }
        CType ret;
        try {
            ret = types.resolve(stripAttributes(decl.subList(0, paren - 1), line), "the return type of " + name);
        } catch (IllegalArgumentException e) {
            throw lexer.error(line, e.getMessage());
        }
        return new CDeclaration(name, ret, parameters(decl.subList(paren + 1, close), name, line), line);
    }

    private List<CParameter> parameters(List<CToken> inside, String function, int line) {
        List<List<CToken>> split = new ArrayList<>();
        List<CToken> current = new ArrayList<>();
        int depth = 0;
        for (CToken t : inside) {
            if (t.is("(") || t.is("[")) {
                depth++;
            } else if (t.is(")") || t.is("]")) {
                depth--;
            }
            if (depth == 0 && t.is(",")) {
                split.add(current);
                current = new ArrayList<>();
            } else {
                current.add(t);
            }
        }
        split.add(current);
        if (split.size() == 1 && (current.isEmpty() || (current.size() == 1 && current.get(0).is("void")))) {
            return List.of();
        }
        List<CParameter> out = new ArrayList<>();
        for (int k = 0; k < split.size(); k++) {
            out.add(parameter(split.get(k), k, function, line));
        }
        return out;
    }

    private CParameter parameter(List<CToken> raw, int index, String function, int line) {
        List<CToken> p = new ArrayList<>(stripAttributes(raw, line));
        String what = "parameter " + (index + 1) + " of " + function;
        if (p.stream().anyMatch(t -> t.is("..."))) {
            throw lexer.error(line, "variadic function '" + function + "' is not supported: '...' parameters cannot be typed");
        }
        if (p.isEmpty()) {
            throw lexer.error(line, "empty " + what);
        }
        if (p.stream().anyMatch(t -> t.is("("))) {
            throw lexer.error(line, "function pointer " + what + " is not supported");
        }
        int arrays = 0;
        int bracket = indexOf(p, "[");
        if (bracket >= 0) {
            p = new ArrayList<>(p.subList(0, bracket));
            arrays = 1;
        }
        String name = "arg" + index;
        CToken last = p.get(p.size() - 1);
        CToken beforeLast = p.size() > 1 ? p.get(p.size() - 2) : null;
        boolean named = last.isIdent() && !types.isTypeName(last.text()) && !CTypeResolver.QUALIFIERS.contains(last.text())
                && beforeLast != null && !Set.of("struct", "union", "enum").contains(beforeLast.text());
        if (named) {
            name = last.text();
            p.remove(p.size() - 1);
        }
        for (int a = 0; a < arrays; a++) {
            p.add(new CToken(CToken.Type.PUNCT, "*", line));
        }
        try {
            CType type = types.resolve(p, what);
            if (type.isVoid()) {
                throw new IllegalArgumentException(what + " cannot have type void");
            }
            return new CParameter(name, type);
        } catch (IllegalArgumentException e) {
            throw lexer.error(line, e.getMessage());
        }
    }

    private static int indexOf(List<CToken> p, String s) {
        for (int k = 0; k < p.size(); k++) {
            if (p.get(k).is(s)) {
                return k;
            }
        }
        return -1;
    }

    /** Drops {@code __attribute__((...))} and {@code __asm__("...")} groups. */
    private List<CToken> stripAttributes(List<CToken> in, int line) {
        List<CToken> out = new ArrayList<>();
        for (int k = 0; k < in.size(); k++) {
            CToken t = in.get(k);
            if (t.isIdent() && TRAILERS.contains(t.text())) {
                int end = skipGroup(in, k + 1);
                if (end < 0) {
                    throw lexer.error(line, "malformed " + t.text());
                }
                k = end - 1;
            } else {
                out.add(t);
            }
        }
        return out;
    }
}
