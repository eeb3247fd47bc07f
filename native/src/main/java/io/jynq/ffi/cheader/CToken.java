package io.jynq.ffi.cheader;

/** A token of C text: an identifier, a number, a string or character literal, or punctuation. */
record CToken(Type type, String text, int line) {
    enum Type { IDENT, NUMBER, STRING, PUNCT }

    boolean is(String s) {
        return (type == Type.PUNCT || type == Type.IDENT) && text.equals(s);
    }

    boolean isIdent() {
        return type == Type.IDENT;
    }
}
