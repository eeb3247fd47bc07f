package io.jynq.device;

/**
 * Contiguous memory of a device, in bytes.
 *
 * @param totalBytes all memory the allocator manages
 * @param usedBytes bytes in live allocations (alignment padding included)
 * @param largestFreeBlock the largest single allocation that would succeed now
 * @param liveBuffers number of blocks not yet closed
 */
public record MemoryStats(long totalBytes, long usedBytes, long largestFreeBlock, int liveBuffers) {

    /** {@code totalBytes - usedBytes}. */
    public long freeBytes() {
        return totalBytes - usedBytes;
    }
}
