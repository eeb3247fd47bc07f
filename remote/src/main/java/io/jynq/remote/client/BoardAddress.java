package io.jynq.remote.client;

/**
 * Where a remote board listens: {@code HOST}, {@code HOST:PORT} or {@code [IPv6]:PORT}, the part of
 * {@code JYNQ_DEVICE=remote:HOST[:PORT]} after {@code remote:}. The port defaults to PYNQ.remote's
 * 7967.
 *
 * @param host a name or address literal (IPv6 without brackets)
 * @param port 1..65535
 */
public record BoardAddress(String host, int port) {
    /** PYNQ.remote's port, which PYNQ's client hard-codes. */
    public static final int DEFAULT_PORT = 7967;

    /**
     * @throws IllegalArgumentException naming the text if the host is empty or the port is not 1..65535
     */
    public static BoardAddress parse(String text) {
        String t = text == null ? "" : text.trim();
        String host;
        String port = null;
        if (t.startsWith("[")) {
            int close = t.indexOf(']');
            if (close < 0) {
                throw bad(text, "an IPv6 address needs its closing ']'");
            }
            host = t.substring(1, close);
            if (t.length() > close + 1) {
                if (t.charAt(close + 1) != ':') {
                    throw bad(text, "expected ':PORT' after ']'");
                }
                port = t.substring(close + 2);
            }
        } else {
            int colon = t.lastIndexOf(':');
            if (colon >= 0 && t.indexOf(':') == colon) {
                host = t.substring(0, colon);
                port = t.substring(colon + 1);
            } else {
                host = t; // no colon, or a bare IPv6 literal
            }
        }
        if (host.isEmpty()) {
            throw bad(text, "no host: write JYNQ_DEVICE=remote:HOST or remote:HOST:PORT");
        }
        int p = DEFAULT_PORT;
        if (port != null) {
            try {
                p = Integer.parseInt(port);
            } catch (NumberFormatException e) {
                throw bad(text, "the port '" + port + "' is not a number");
            }
            if (p < 1 || p > 65535) {
                throw bad(text, "the port must be 1..65535, got " + p);
            }
        }
        return new BoardAddress(host, p);
    }

    private static IllegalArgumentException bad(String text, String why) {
        return new IllegalArgumentException("remote board address '" + text + "': " + why);
    }

    @Override
    public String toString() {
        return (host.contains(":") ? "[" + host + "]" : host) + ":" + port;
    }
}
