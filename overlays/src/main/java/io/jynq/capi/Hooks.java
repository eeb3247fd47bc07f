package io.jynq.capi;

import java.util.List;

/**
 * Script names a target runs around its build and run steps (each a key of the core's
 * {@code scripts}).
 *
 * @param preBuild  before the build
 * @param postBuild after the build
 * @param preRun    before the run
 * @param postRun   after the run
 */
public record Hooks(List<String> preBuild, List<String> postBuild, List<String> preRun, List<String> postRun) {

    public Hooks {
        preBuild = List.copyOf(preBuild);
        postBuild = List.copyOf(postBuild);
        preRun = List.copyOf(preRun);
        postRun = List.copyOf(postRun);
    }

    /** True when no hook names a script. */
    public boolean isEmpty() {
        return preBuild.isEmpty() && postBuild.isEmpty() && preRun.isEmpty() && postRun.isEmpty();
    }
}
