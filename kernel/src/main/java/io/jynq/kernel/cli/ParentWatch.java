package io.jynq.kernel.cli;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Ends the kernel when the process that started it is gone, as ipykernel's
 * {@code ParentPollerUnix} does: jupyter_client sets {@code JPY_PARENT_PID} to its own pid; a
 * killed nbconvert or Jupyter server would otherwise leave the kernel running forever. Polls once
 * a second: the parent is gone when that pid no longer runs or the kernel has been re-parented
 * (to init or a subreaper). As in ipykernel, a parent pid of 1 (or none) is not watched.
 */
final class ParentWatch {
    private static final Logger LOG = LoggerFactory.getLogger(ParentWatch.class);
    static final long POLL_MS = 1000;

    private ParentWatch() {
    }

    /**
     * @param parentPid {@code JPY_PARENT_PID}, or null
     * @param onGone    called once on the watch thread when the parent is gone (closes the
     *                  connection, so that {@code main} returns and the JVM exits)
     * @return the watch thread, or null if there is no parent to watch
     */
    static Thread start(String parentPid, Runnable onGone) {
        long pid;
        try {
            pid = parentPid == null || parentPid.isBlank() ? 0 : Long.parseLong(parentPid.strip());
        } catch (NumberFormatException e) {
            LOG.warn("JPY_PARENT_PID='{}' is not a pid; the kernel will not end with its parent", parentPid);
            return null;
        }
        if (pid <= 1) {
            return null;
        }
        long originalParent = ProcessHandle.current().parent().map(ProcessHandle::pid).orElse(-1L);
        Thread t = new Thread(() -> {
            while (true) {
                try {
                    Thread.sleep(POLL_MS);
                } catch (InterruptedException e) {
                    return;
                }
                if (gone(pid, originalParent)) {
                    LOG.warn("parent process {} is gone: the kernel ends", pid);
                    onGone.run();
                    try {
                        Thread.sleep(5 * POLL_MS);
                    } catch (InterruptedException e) {
                        return;
                    }
                    // still here (a shutdown hook or cell holds the exit up): end as ipykernel does, os._exit(1)
                    Runtime.getRuntime().halt(1);
                    return;
                }
            }
        }, "jynq-parent-watch");
        t.setDaemon(true);
        t.start();
        return t;
    }

    /** True if {@code pid} no longer runs, or we were the child of it and have been re-parented. */
    static boolean gone(long pid, long originalParent) {
        if (!ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)) {
            return true;
        }
        long now = ProcessHandle.current().parent().map(ProcessHandle::pid).orElse(-1L);
        return originalParent == pid && now != pid;
    }
}
