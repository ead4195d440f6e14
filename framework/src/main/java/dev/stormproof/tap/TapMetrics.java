package dev.stormproof.tap;

import java.time.Duration;

/**
 * A snapshot of a {@link TapQueue}'s counters. {@code waitP50}/{@code waitP99} are the time taps
 * spent queued (enqueue to dispatch) over the last {@value TapQueue#WAIT_SAMPLES} taps;
 * {@code tapsPerSecond} is delivered taps over the time from the first to the last delivery.
 *
 * @param depth taps queued now
 * @param submitted taps ever queued
 * @param delivered taps delivered
 * @param failed taps whose delivery threw
 * @param rejected taps refused because the queue was full or closed
 * @param cancelled queued taps dropped before delivery
 * @param waitP50 median time queued
 * @param waitP99 99th percentile of time queued
 * @param tapsPerSecond delivered taps per second, first to last delivery
 */
public record TapMetrics(
    int depth, long submitted, long delivered, long failed, long rejected, long cancelled,
    Duration waitP50, Duration waitP99, double tapsPerSecond) {}
