/**
 * Diagnosis helpers, JDK only: {@link dev.stormproof.diag.ThreadDump} (grouped by identical
 * stacks, like a goroutine profile), {@link dev.stormproof.diag.MemorySeries} (per-iteration
 * memory samples as CSV) with {@link dev.stormproof.diag.MemoryChart} (PNG line chart drawn
 * with Java2D), and {@link dev.stormproof.diag.JfrCapture} (a bounded JFR recording of one
 * iteration).
 */
package dev.stormproof.diag;
