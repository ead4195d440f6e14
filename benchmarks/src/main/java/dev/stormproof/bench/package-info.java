/**
 * Stormproof's benchmarks: programs with a {@code main}, run by {@code benchmarks/run.sh}, never by
 * {@code mvn verify} (which only compiles them and runs the harness's own tests).
 *
 * <ul>
 *   <li>{@link dev.stormproof.bench.PeersBench}: template matching side by side with raw OpenCV,
 *       SikuliX 2.0.5 (own JVM, {@link dev.stormproof.bench.SikulixProbe}) and Appium's
 *       {@code @appium/opencv} (Node, {@code benchmarks/peers/appium/appium-probe.mjs}) on the
 *       sample game's screens, judged against the scene model's ground truth.</li>
 *   <li>{@link dev.stormproof.bench.AdbBench}: milliseconds per tap over each ADB path to the
 *       embedded virtual device.</li>
 *   <li>{@link dev.stormproof.bench.StormSoak}: producers through the TapQueue for a minute, the
 *       device's tap log as ground truth, the leak guard per round, memory and thread series.</li>
 *   <li>{@code dev.stormproof.bench.jmh}: JMH benchmarks of the hot paths.</li>
 *   <li>{@link dev.stormproof.bench.BenchReport}: {@code docs/BENCHMARKS.md} from the result files.</li>
 *   <li>{@link dev.stormproof.bench.ConcurrentCallsProbe}: a reproduction of concurrent first
 *       calls on a fresh {@code AdbDevice} failing (seen at the soak's round starts).</li>
 * </ul>
 * Results are files under {@code benchmarks/target/results/}; no figure is hard-coded anywhere.
 */
package dev.stormproof.bench;
