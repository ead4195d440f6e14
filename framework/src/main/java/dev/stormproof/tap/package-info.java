/**
 * Rate-limited touch: {@link dev.stormproof.tap.TapQueue} (one per device: token bucket,
 * bounded FIFO with back-pressure, cancellation by {@link dev.stormproof.leak.Owner}, metrics)
 * and {@link dev.stormproof.tap.RateLimitedDevice}, the {@code Device} decorator tests receive.
 * Depends on {@code dev.stormproof.device} and {@code dev.stormproof.leak}; no JUnit.
 */
package dev.stormproof.tap;
