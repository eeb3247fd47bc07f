package io.jynq.remote.server;

/**
 * What one request may ask of a board server, in bytes and counts, so that no client can exhaust
 * the board's memory, file system or threads with one message.
 *
 * @param maxMessageBytes the largest gRPC message accepted (a chunk of a stream)
 * @param maxFileBytes the largest file a {@code writefile} stream may write
 * @param maxBufferBytes the largest contiguous buffer one {@code allocate} may ask for
 * @param maxWindowBytes the largest MMIO window
 * @param maxProgramSteps the most steps in one register program
 * @param maxPerSession the most windows, and separately buffers, one connection may hold
 * @param maxWaitMillis the longest interrupt wait or register poll
 */
public record Limits(int maxMessageBytes, long maxFileBytes, long maxBufferBytes, long maxWindowBytes,
        int maxProgramSteps, int maxPerSession, long maxWaitMillis) {

    /** 8 MiB messages, 512 MiB files, 1 GiB buffers, 256 MiB windows, 4096 steps and objects, 10 minutes. */
    public static final Limits DEFAULT = new Limits(8 << 20, 512L << 20, 1L << 30, 256L << 20, 4096, 4096, 600_000);
}
