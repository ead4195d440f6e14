/**
 * Leak detection without JUnit: probes, settling, judging and the report.
 *
 * <ul>
 *   <li>Probes: {@link dev.stormproof.leak.NativeMemory} (glibc {@code mallinfo2()} through JNA;
 *       Java 17 has no final FFM), javacpp's live pointer count, JVM threads, and the
 *       {@link dev.stormproof.leak.Ledger} of resources Stormproof handed out (native buffers
 *       watched by {@link dev.stormproof.leak.TrackingPointerScope}, tasks, factory threads),
 *       read together as a {@link dev.stormproof.leak.Snapshot}.</li>
 *   <li>Judging: {@link dev.stormproof.leak.LeakGuardSession} with
 *       {@link dev.stormproof.leak.LeakOptions} (warm-up, tolerances, settle with capped
 *       back-off, stair-step detection, ignored threads) gives a
 *       {@link dev.stormproof.leak.Verdict} and a {@link dev.stormproof.leak.LeakReport}.</li>
 *   <li>Attribution: ledger entries carry an {@link dev.stormproof.leak.Owner} (a test id) and
 *       are exact under parallel execution; native bytes, javacpp pointers and threads are
 *       process-wide.</li>
 * </ul>
 *
 * <p>Usable from a plain {@code main}: open a session, call {@code iterationStarted} and
 * {@code iterationFinished} around each iteration of the work, and read the verdict.
 */
package dev.stormproof.leak;
