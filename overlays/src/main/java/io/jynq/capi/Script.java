package io.jynq.capi;

import java.util.List;
import java.util.Map;

/**
 * A script that hooks run.
 *
 * @param name     script name
 * @param cmd      the command and its arguments
 * @param filesets filesets it needs
 * @param env      extra environment variables
 */
public record Script(String name, List<String> cmd, List<String> filesets, Map<String, String> env) {

    public Script {
        cmd = List.copyOf(cmd);
        filesets = List.copyOf(filesets);
        env = CoreRecords.frozen(env);
    }
}
