package io.jynq.kernel.eval;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The fast path for a snippet that is an expression with a value ({@code 1+1}, {@code x},
 * {@code a * b.c}, {@code x = 3}), the most common cell. JShell runs javac four times on an
 * expression: a pass for its type, a second for the type of the {@code $N} variable that will
 * hold its value (JShell's {@code ExpressionToTypeInfo}), then the wrapper's analysis and its
 * compilation. A variable declared with an explicit type takes only the last two, so the
 * evaluator declares
 * <pre>Object $jynqValue0 = EXPR
 * ;</pre>
 * which holds the value, boxed. Profiled on {@code 1+1}: the two type passes were 38% of the
 * evaluating thread's CPU.
 *
 * <p>Whether a snippet is an expression is decided from its first tokens (a declaration starts
 * with a type and a name, a statement with a keyword). A method call at the top
 * ({@code ol.ip_dict()}, {@code println(x)}) may be void, which no variable can hold: it takes the
 * wrapper too, and a void one is rejected there ("void cannot be converted") and goes to JShell's
 * path; the evaluator remembers the called method's name ({@link #callKey}) and sends later calls of
 * that name straight to JShell's path. The name only guesses which path is cheaper, never what the
 * cell means: a call the wrapper takes has a value, any other goes where JShell decides. (An
 * earlier wrapper, {@code CellValue.of(() -> EXPR)}, took void calls too by overloading on a value
 * and a void lambda; but javac attributes a lambda argument's body speculatively, and what that
 * leaves in its argument-type cache, {@code ArgumentAttr.argumentTypeCache}, is never removed from
 * the compiler context JShell's {@code JavacTaskPool} reuses all session long: each entry holds the
 * snippet's whole compilation unit, every import of the session with it. Found in a heap dump by
 * GC-root paths (1395 of 1922 live {@code JCImport} trees held there after 200 cells); up to 400 kB a
 * call cell, which filled a 512 MiB board's kernel heap by tutorial 06. The plain declaration has no
 * lambda: {@code ExpressionRetentionTest} runs calls through it and fails on that wrapper.) A snippet
 * taken for an expression that is not one, or an expression with an error, does not compile in the
 * wrapper; the evaluator then declares the snippet as it is, so JShell's own handling and javac's
 * own messages stay. The wrapper puts nothing but the declaration before the expression on its
 * line, so cell lines of runtime errors stay.
 */
final class ExpressionSnippets {
    /**
     * The variable the wrapper declares, numbered per snippet and never the same twice in a session:
     * a second declaration of one name would replace the first before it ran, and JShell takes a
     * name declared again for a replacement of every dropped snippet that had it, whose classes it
     * then tries to redefine one by one (the 300th distinct expression cell took 280 ms where the
     * first took 10; ExpressionCellCostTest). Dropped as soon as its value is read.
     */
    static final String VALUE_VAR = "$jynqValue";

    /** Words that start a declaration or statement, never an expression. */
    private static final Set<String> NOT_EXPRESSION = Set.of(
            "abstract", "assert", "break", "case", "catch", "class", "const", "continue", "default", "do", "else",
            "enum", "extends", "final", "finally", "for", "goto", "if", "implements", "import", "interface",
            "native", "package", "private", "protected", "public", "return", "static", "strictfp", "switch",
            "synchronized", "throw", "throws", "transient", "try", "void", "volatile", "while");

    /** Words after which a name follows in an expression ({@code x instanceof T t}). */
    private static final Set<String> OPERATOR_WORDS = Set.of("instanceof");

    /** Words that start an expression, never a type ({@code new Foo()}, {@code this.x = 1}). */
    private static final Set<String> EXPRESSION_WORDS = Set.of("new", "this", "super", "true", "false", "null");

    private ExpressionSnippets() {
    }

    /**
     * The declaration that evaluates {@code snippet} as an expression, or null if it does not
     * start as one.
     *
     * @param snippet one complete snippet, as {@code analyzeCompletion} split it (maybe ending in {@code ;})
     * @param slot     a number no other snippet of the session uses, for the variable's name
     */
    static String wrap(String snippet, long slot) {
        List<Token> all = tokens(snippet);
        List<Token> expression = expression(all);
        if (expression == null) {
            return null;
        }
        int semicolon = expression.size() < all.size() ? all.get(expression.size()).start : -1;
        String body = semicolon >= 0
                ? snippet.substring(0, semicolon) + " " + snippet.substring(semicolon + 1)
                : snippet;
        return "Object " + VALUE_VAR + slot + " = " + body + "\n;";
    }

    /**
     * For an expression that may be a method call at the top (and so may be void): the called
     * method's simple name ({@code ip_dict} for {@code ol.ip_dict()}), or the expression's text when
     * no name precedes the call's brackets ({@code (f())}); null for any other snippet.
     */
    static String callKey(String snippet) {
        List<Token> t = expression(tokens(snippet));
        if (t == null || !mayBeACall(t)) {
            return null;
        }
        int depth = 0;
        for (int i = t.size() - 1; i >= 0; i--) {
            Token k = t.get(i);
            if (k.is(")") || k.is("]") || k.is("}")) {
                depth++;
            } else if (k.is("(") || k.is("[") || k.is("{")) {
                depth--;
                if (depth == 0) {
                    return i > 0 && t.get(i - 1).word ? t.get(i - 1).text : snippet.strip();
                }
            }
        }
        return snippet.strip();
    }

    /** {@code tokens} without a final {@code ;}, or null if they do not start an expression. */
    private static List<Token> expression(List<Token> tokens) {
        if (tokens.isEmpty() || !startsAnExpression(tokens)) {
            return null;
        }
        if (tokens.get(tokens.size() - 1).is(";")) {
            tokens = tokens.subList(0, tokens.size() - 1);
        }
        return tokens.isEmpty() ? null : tokens;
    }

    /**
     * True unless the expression surely is not a method call at the top: it ends in {@code )}
     * and no operator stands outside brackets ({@code a.b(c)}, {@code (f())}, {@code "s".length()}),
     * except an instance creation with nothing called on it ({@code new Foo(1)}). In doubt true:
     * JShell's path is right for any expression, only slower.
     */
    private static boolean mayBeACall(List<Token> t) {
        if (!t.get(t.size() - 1).is(")")) {
            return false;
        }
        int depth = 0;
        boolean created = t.get(0).word && t.get(0).text.equals("new");
        boolean closedAtTop = false;
        for (Token k : t) {
            if (k.is("(") || k.is("[") || k.is("{")) {
                depth++;
            } else if (k.is(")") || k.is("]") || k.is("}")) {
                depth--;
                closedAtTop |= depth == 0 && k.is(")");
            } else if (depth == 0 && !k.word && !CHAIN.contains(k.text)) {
                return false; // an operator: a binary, conditional, assignment, cast or lambda has a value or none at all
            } else if (depth == 0 && created && closedAtTop && k.is(".")) {
                created = false; // new Foo().bar(): a call on the new object
            }
        }
        return !created;
    }

    /** Tokens that continue a chain of names, calls and type arguments ({@code a.<T>b(c)[0].d()}). */
    private static final Set<String> CHAIN = Set.of(".", "<", ">", ",", "?", "&", "\"", "'", "\"\"\"", "0");

    private static boolean startsAnExpression(List<Token> t) {
        Token first = t.get(0);
        if (first.is("@") || first.is("{") || first.is(";") || first.is("<")) {
            return false; // annotation, block, empty statement, generic method
        }
        if (!first.word) {
            return true; // a literal, '(', a unary operator
        }
        if (NOT_EXPRESSION.contains(first.text)) {
            return false;
        }
        if (t.size() > 1 && t.get(1).is(":") && !(t.size() > 2 && t.get(2).is(":"))) {
            return false; // a label
        }
        return EXPRESSION_WORDS.contains(first.text) || !declaresAName(t);
    }

    /**
     * True if the tokens start {@code Type name}: a qualified name, type arguments, array
     * brackets, then a name. That is a variable or method declaration (also {@code var x},
     * {@code record R}, {@code yield v}); an expression never has two names in a row.
     */
    private static boolean declaresAName(List<Token> t) {
        int i = 0;
        while (true) {
            if (i >= t.size() || !t.get(i).word) {
                return false;
            }
            i++;
            if (i < t.size() && t.get(i).is("<")) {
                i = afterTypeArguments(t, i);
                if (i < 0) {
                    return false;
                }
            }
            if (i < t.size() && t.get(i).is(".")) {
                i++;
                continue;
            }
            break;
        }
        while (i + 1 < t.size() && t.get(i).is("[") && t.get(i + 1).is("]")) {
            i += 2;
        }
        if (i < t.size() && t.get(i).is("...")) {
            return false;
        }
        return i < t.size() && t.get(i).word && !OPERATOR_WORDS.contains(t.get(i).text);
    }

    /** The index after the {@code <...>} starting at {@code open}, or -1 if they are not type arguments. */
    private static int afterTypeArguments(List<Token> t, int open) {
        int depth = 0;
        for (int i = open; i < t.size(); i++) {
            Token k = t.get(i);
            if (k.is("<")) {
                depth++;
            } else if (k.is(">")) {
                depth--;
                if (depth == 0) {
                    return i + 1;
                }
            } else if (!(k.word || k.is(".") || k.is(",") || k.is("?") || k.is("&") || k.is("[") || k.is("]"))) {
                return -1;
            }
        }
        return -1;
    }

    /** A token: a word (identifier or keyword), a literal, or one punctuation character ("..." whole). */
    private record Token(String text, int start, boolean word) {
        boolean is(String s) {
            return !word && text.equals(s);
        }
    }

    /** The tokens of {@code s} without comments and blanks. Literals are kept as one opaque token. */
    private static List<Token> tokens(String s) {
        List<Token> out = new ArrayList<>();
        int i = 0;
        int n = s.length();
        while (i < n) {
            char c = s.charAt(i);
            if (Character.isWhitespace(c)) {
                i++;
            } else if (s.startsWith("//", i)) {
                int nl = s.indexOf('\n', i);
                i = nl < 0 ? n : nl + 1;
            } else if (s.startsWith("/*", i)) {
                int end = s.indexOf("*/", i + 2);
                i = end < 0 ? n : end + 2;
            } else if (s.startsWith("\"\"\"", i)) {
                int end = quoted(s, i + 3, "\"\"\"");
                out.add(new Token("\"\"\"", i, false));
                i = end;
            } else if (c == '"' || c == '\'') {
                int end = quoted(s, i + 1, String.valueOf(c));
                out.add(new Token(String.valueOf(c), i, false));
                i = end;
            } else if (Character.isJavaIdentifierStart(c)) {
                int j = i + 1;
                while (j < n && Character.isJavaIdentifierPart(s.charAt(j))) {
                    j++;
                }
                out.add(new Token(s.substring(i, j), i, true));
                i = j;
            } else if (Character.isDigit(c) || c == '.' && i + 1 < n && Character.isDigit(s.charAt(i + 1))) {
                int j = i + 1;
                while (j < n && (Character.isLetterOrDigit(s.charAt(j)) || s.charAt(j) == '.' || s.charAt(j) == '_')) {
                    j++;
                }
                out.add(new Token("0", i, false));
                i = j;
            } else if (s.startsWith("...", i)) {
                out.add(new Token("...", i, false));
                i += 3;
            } else {
                out.add(new Token(String.valueOf(c), i, false));
                i++;
            }
        }
        return out;
    }

    /** The index after the literal's closing {@code quote}, skipping escapes; the end if unclosed. */
    private static int quoted(String s, int from, String quote) {
        int i = from;
        while (i < s.length()) {
            if (s.charAt(i) == '\\') {
                i += 2;
            } else if (s.startsWith(quote, i)) {
                return i + quote.length();
            } else {
                i++;
            }
        }
        return s.length();
    }
}
