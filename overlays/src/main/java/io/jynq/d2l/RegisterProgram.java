package io.jynq.d2l;

import java.time.Duration;
import java.util.List;

/**
 * An operation written as register accesses of one IP, run in order by
 * {@link RegisterProgramInterpreter}. Its result is the value of the read named {@code result},
 * or nothing.
 *
 * @param ip      the IP instance name
 * @param timeout the default wait of each poll
 * @param steps   the accesses, in order
 * @param result  the name of the read returned, or empty for none
 */
public record RegisterProgram(String ip, Duration timeout, List<RegisterStep> steps, String result)
        implements Implementation {

    public RegisterProgram {
        steps = List.copyOf(steps);
    }
}
