package dev.stormproof.diag;

/**
 * Memory counters at the end of one iteration. A value below 0 means "not available on this
 * platform" (for example native bytes without glibc). Bytes are bytes; counts are counts.
 *
 * @param iteration 1-based iteration number
 * @param label what ran (a test display name)
 * @param nativeBytes glibc malloc in-use bytes
 * @param javacppCount live javacpp pointers ({@code Pointer.totalCount()})
 * @param heapUsed JVM heap used
 * @param rssBytes resident set size of the process (noisy)
 * @param threads live JVM threads
 */
public record MemorySample(int iteration, String label, long nativeBytes, long javacppCount,
    long heapUsed, long rssBytes, long threads) {}
