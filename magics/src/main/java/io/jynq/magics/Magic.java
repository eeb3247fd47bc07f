package io.jynq.magics;

/**
 * What every magic has: its name (without {@code %}), a one-line help for {@code %lsmagic} and
 * {@code %help}, and its usage line, shown when the arguments are wrong.
 */
public interface Magic {

    /** The name typed after {@code %} or {@code %%}, e.g. {@code overlay}. */
    String name();

    /** One line saying what the magic does, e.g. "load an overlay and bind a typed facade". */
    String help();

    /** The synopsis, e.g. {@code %overlay load NAME|PATH [as VAR] [--no-download]}. */
    String usage();
}
