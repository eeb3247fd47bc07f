package io.jynq.capi;

import java.util.Map;

/**
 * Where the core's files come from when they are not beside the core file.
 *
 * @param name     github, local, git, opencores, svn or url
 * @param cachable whether fetched files may be cached (default true)
 * @param options  every other key (repo, version, url, patches...)
 */
public record Provider(String name, boolean cachable, Map<String, Object> options) {

    public Provider {
        options = CoreRecords.frozen(options);
    }
}
