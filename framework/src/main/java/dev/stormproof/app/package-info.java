/**
 * The app guard without JUnit: judges the app under test between iterations the way the leak
 * guard judges the test.
 *
 * <ul>
 *   <li>Parsers of what a device prints: {@link dev.stormproof.app.MemInfo} ({@code dumpsys
 *       meminfo}), {@link dev.stormproof.app.GfxInfo} ({@code dumpsys gfxinfo}),
 *       {@link dev.stormproof.app.ProcStatus} ({@code /proc/<pid>/status}, {@code ls
 *       /proc/<pid>/fd}), {@link dev.stormproof.app.Crash} (crash log buffer, {@code dumpsys
 *       activity processes}). Malformed output is a
 *       {@link dev.stormproof.device.DeviceProtocolException}.</li>
 *   <li>{@link dev.stormproof.app.AppProbe} reads an {@link dev.stormproof.app.AppSnapshot}
 *       through {@link dev.stormproof.device.Device#shell} in one adb round trip.</li>
 *   <li>{@link dev.stormproof.app.AppGuardSession} with
 *       {@link dev.stormproof.app.AppGuardOptions} judges each iteration (crash and ANR at once;
 *       warm-up, tolerance per {@link dev.stormproof.app.AppCounter}, settling and stair steps
 *       from the leak package) into an {@link dev.stormproof.app.AppVerdict} with an
 *       {@link dev.stormproof.app.AppReport}.</li>
 * </ul>
 *
 * <p>Usable from a plain {@code main}: wrap each iteration of a game script in
 * {@code iterationStarted} and {@code iterationFinished}.
 */
package dev.stormproof.app;
