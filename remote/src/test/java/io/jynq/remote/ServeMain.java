package io.jynq.remote;

import io.jynq.remote.cli.BoardCommand;
import picocli.CommandLine;

/** {@code ./jynq board serve} in a process of its own, as JynqMain runs it, for the ITs. */
public final class ServeMain {
    private ServeMain() {}

    public static void main(String[] args) {
        System.exit(new CommandLine(new BoardCommand()).execute(args));
    }
}
