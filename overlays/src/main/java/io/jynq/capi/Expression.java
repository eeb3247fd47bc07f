package io.jynq.capi;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * A string with FuseSoC conditionals (FuseSoC {@code capi2/exprs.py}): words, and
 * {@code flag ? ( exprs )} or {@code !flag ? ( exprs )}, nestable. Expanding keeps the words whose
 * conditions hold and joins them with single spaces; an empty result means "nothing".
 *
 * <pre>{@code
 * Expression.parse("tool_icarus? (plusarg) !tool_icarus? (vlogparam)").expand(Set.of("tool_icarus"))
 *     // "plusarg"
 * }</pre>
 *
 * Word characters are ASCII letters and digits and {@code `:<>.[]_-,=~/^+"$}, as in FuseSoC.
 * Whitespace between tokens is free ({@code "tool_verilator   ? (x)"}).
 */
final class Expression {
    private static final String WORD_CHARS = "`:<>.[]_-,=~/^+\"$";

    /** A word, or a conditional over nested terms. */
    private record Term(String word, boolean negated, String flag, List<Term> body) {}

    private final List<Term> terms;

    private Expression(List<Term> terms) {
        this.terms = terms;
    }

    /**
     * @throws IllegalArgumentException naming the column of the first bad character
     */
    static Expression parse(String text) {
        Parser p = new Parser(text);
        List<Term> terms = p.exprs(0);
        p.skipSpace();
        if (p.pos < text.length()) {
            throw p.error(text.charAt(p.pos) == ')' ? "unbalanced ')'" : "unexpected '" + text.charAt(p.pos) + "'");
        }
        if (terms.isEmpty()) {
            throw p.error("empty expression");
        }
        return new Expression(terms);
    }

    /** The words whose conditions hold for {@code defined}, joined by single spaces. */
    String expand(Set<String> defined) {
        List<String> out = new ArrayList<>();
        expand(terms, defined, out);
        return String.join(" ", out);
    }

    private static void expand(List<Term> terms, Set<String> defined, List<String> out) {
        for (Term t : terms) {
            if (t.word() != null) {
                out.add(t.word());
            } else if (defined.contains(t.flag()) != t.negated()) {
                expand(t.body(), defined, out);
            }
        }
    }

    private static final class Parser {
        final String s;
        int pos;

        Parser(String s) {
            this.s = s;
        }

        List<Term> exprs(int depth) {
            if (depth > 64) {
                throw error("conditionals nested more than 64 deep");
            }
            List<Term> out = new ArrayList<>();
            while (true) {
                skipSpace();
                if (pos >= s.length() || s.charAt(pos) == ')') {
                    return out;
                }
                boolean negated = false;
                if (s.charAt(pos) == '!') {
                    negated = true;
                    pos++;
                    skipSpace();
                }
                String word = word();
                skipSpace();
                if (pos < s.length() && s.charAt(pos) == '?') {
                    pos++;
                    skipSpace();
                    if (pos >= s.length() || s.charAt(pos) != '(') {
                        throw error("expected '(' after '" + word + " ?'");
                    }
                    pos++;
                    List<Term> body = exprs(depth + 1);
                    if (body.isEmpty()) {
                        throw error("empty ( ) after '" + word + " ?'");
                    }
                    if (pos >= s.length()) {
                        throw error("missing ')' for '" + word + " ?'");
                    }
                    pos++;
                    out.add(new Term(null, negated, word, body));
                } else if (negated) {
                    throw error("expected '?' after '!" + word + "'");
                } else {
                    out.add(new Term(word, false, null, null));
                }
            }
        }

        String word() {
            int start = pos;
            while (pos < s.length() && isWordChar(s.charAt(pos))) {
                pos++;
            }
            if (start == pos) {
                throw error(pos < s.length() ? "unexpected '" + s.charAt(pos) + "'" : "unexpected end");
            }
            return s.substring(start, pos);
        }

        void skipSpace() {
            while (pos < s.length() && Character.isWhitespace(s.charAt(pos))) {
                pos++;
            }
        }

        IllegalArgumentException error(String what) {
            return new IllegalArgumentException(what + " at character " + (pos + 1) + " of \"" + s + "\"");
        }

        private static boolean isWordChar(char c) {
            return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || WORD_CHARS.indexOf(c) >= 0;
        }
    }
}
