package dev.stormproof.tap;

import java.time.Duration;

/**
 * A snapshot of a {@link TapQueue}'s counters. {@code waitP50}/{@code waitP99} are the time taps
 * spent queued (enqueue to dispatch) over the last {@value TapQueue#WAIT_SAMPLES} taps;
 * {@code tapsPerSecond} is delivered taps over the time from the first to the last delivery.
 */
public record TapMetrics(
    int depth, long submitted, long delivered, long failed, long rejected, long cancelled,
    Duration waitP50, Duration waitP99, double tapsPerSecond) {}
